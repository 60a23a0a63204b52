using EcsOperator.Aws.Ecs.Model;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>The ECS services front's teardown: DeleteService, DRAINING then INACTIVE, and the cluster's guard.</summary>
public sealed class EcsFrontDeleteTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_service_scaled_above_zero_cannot_be_deleted_without_force()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        await front.Ecs.CreateServiceAsync(front.Service("web", await front.RegisterAsync()), Ct);

        var refused = await Assert.ThrowsAsync<InvalidParameterException>(() =>
            front.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = front.Cluster, Service = "web" }, Ct));
        await front.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = front.Cluster, Service = "web", DesiredCount = 0 }, Ct);
        var deleted = (await front.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = front.Cluster, Service = "web" }, Ct)).Service!;

        Assert.Equal("The service cannot be stopped while it is scaled above 0.", refused.Message);
        Assert.Equal("DRAINING", deleted.Status);
    }

    [Fact]
    public async Task A_deleted_service_drains_then_turns_INACTIVE_and_leaves_the_list()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        await front.Ecs.CreateServiceAsync(front.Service("web", await front.RegisterAsync()), Ct);
        front.Step();

        var deleted = (await front.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = front.Cluster, Service = "web", Force = true }, Ct)).Service!;
        var listedWhileDraining = await front.Ecs.ListServicesAsync(new ListServicesRequest { Cluster = front.Cluster }, Ct);
        var update = new UpdateServiceRequest { Cluster = front.Cluster, Service = "web", DesiredCount = 1 };
        var notActive = await Assert.ThrowsAsync<ServiceNotActiveException>(() => front.Ecs.UpdateServiceAsync(update, Ct));
        front.Step();
        var inactive = await front.DescribeAsync("web");

        Assert.Equal(("DRAINING", 0, 2), (deleted.Status, deleted.DesiredCount, deleted.RunningCount));
        Assert.Empty(listedWhileDraining.ServiceArns!);
        Assert.Equal("Service was not ACTIVE.", notActive.Message);
        Assert.Equal(("INACTIVE", 0), (inactive.Status, inactive.RunningCount));
        Assert.Matches(@"^\(service web\) has stopped 2 running tasks: ", inactive.Events![0].Message);
        await Assert.ThrowsAsync<ServiceNotActiveException>(() => front.Ecs.UpdateServiceAsync(update, Ct));
    }

    [Fact]
    public async Task An_INACTIVE_name_can_be_created_again_but_a_DRAINING_one_cannot()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var request = front.Service("web", await front.RegisterAsync());
        var first = (await front.Ecs.CreateServiceAsync(request, Ct)).Service!;
        await front.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = front.Cluster, Service = "web", Force = true }, Ct);

        var draining = await Assert.ThrowsAsync<InvalidParameterException>(() => front.Ecs.CreateServiceAsync(request, Ct));
        front.Step();
        var recreated = (await front.Ecs.CreateServiceAsync(request, Ct)).Service!;

        Assert.Equal("Unable to Start a service that is still Draining.", draining.Message);
        Assert.Equal(("ACTIVE", first.ServiceArn), (recreated.Status, recreated.ServiceArn));
        Assert.NotEqual(first.Deployments![0].Id, recreated.Deployments![0].Id);
    }

    [Fact]
    public async Task A_cluster_with_ACTIVE_or_DRAINING_services_cannot_be_deleted_until_they_are_INACTIVE()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        await front.Ecs.CreateServiceAsync(front.Service("web", await front.RegisterAsync()), Ct);
        var deleteCluster = new DeleteClusterRequest { Cluster = front.Cluster };

        var whileActive = await Assert.ThrowsAsync<ClusterContainsServicesException>(() => front.Ecs.DeleteClusterAsync(deleteCluster, Ct));
        await front.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = front.Cluster, Service = "web", Force = true }, Ct);
        await Assert.ThrowsAsync<ClusterContainsServicesException>(() => front.Ecs.DeleteClusterAsync(deleteCluster, Ct));
        front.Step();
        var deleted = await front.Ecs.DeleteClusterAsync(deleteCluster, Ct);

        Assert.Equal("The Cluster cannot be deleted while Services are active.", whileActive.Message);
        Assert.Equal("INACTIVE", deleted.Cluster?.Status);
    }

    [Fact]
    public async Task Updating_or_deleting_an_unknown_service_is_ServiceNotFound()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);

        var update = await Assert.ThrowsAsync<ServiceNotFoundException>(() =>
            front.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = front.Cluster, Service = "ghost", DesiredCount = 1 }, Ct));
        var delete = await Assert.ThrowsAsync<ServiceNotFoundException>(() =>
            front.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = front.Cluster, Service = "ghost", Force = true }, Ct));

        Assert.Equal(("Service not found.", "Service not found."), (update.Message, delete.Message));
    }

    [Fact]
    public async Task An_INACTIVE_service_is_forgotten_after_an_hour()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        await front.Ecs.CreateServiceAsync(front.Service("web", await front.RegisterAsync()), Ct);
        await front.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = front.Cluster, Service = "web", Force = true }, Ct);
        front.Step();
        Assert.Equal("INACTIVE", (await front.DescribeAsync("web")).Status);

        front.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        var answer = await front.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = front.Cluster, Services = ["web"] }, Ct);
        Assert.Empty(answer.Services!);
        Assert.Equal("MISSING", Assert.Single(answer.Failures!).Reason);
    }
}

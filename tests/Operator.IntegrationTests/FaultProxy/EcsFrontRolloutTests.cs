using EcsOperator.Aws.Ecs.Model;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>The ECS services front's scheduler: rollouts, scaling, capacity switches and crashing tasks, on a fake clock.</summary>
public sealed class EcsFrontRolloutTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_task_definition_rolls_a_new_PRIMARY_while_the_old_deployment_drains_then_goes()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var (first, second) = (await front.RegisterAsync(), await front.RegisterAsync("nginx:1.28"));
        await front.Ecs.CreateServiceAsync(front.Service("web", first), Ct);
        front.Step();

        var updated = (await front.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = front.Cluster, Service = "web", TaskDefinition = $"{front.Family}:2" }, Ct)).Service!;
        Assert.Equal(second, updated.TaskDefinition);
        Assert.Equal([("PRIMARY", second, "IN_PROGRESS", 0), ("ACTIVE", first, "COMPLETED", 2)], Deployments(updated));

        front.Step();
        Assert.Equal([("PRIMARY", second, "IN_PROGRESS", 2), ("ACTIVE", first, "COMPLETED", 2)], Deployments(await front.DescribeAsync("web")));
        front.Step();
        var drained = await front.DescribeAsync("web");
        Assert.Equal([("PRIMARY", second, "IN_PROGRESS", 2), ("ACTIVE", first, "COMPLETED", 0)], Deployments(drained));
        Assert.Matches(@"^\(service web\) has stopped 2 running tasks: ", drained.Events![0].Message);
        front.Step();
        var done = await front.DescribeAsync("web");
        Assert.Equal([("PRIMARY", second, "COMPLETED", 2)], Deployments(done));
        Assert.Equal("(service web) has reached a steady state.", done.Events![0].Message);
    }

    [Fact]
    public async Task ForceNewDeployment_rolls_the_same_task_definition()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var taskDefinition = await front.RegisterAsync();
        await front.Ecs.CreateServiceAsync(front.Service("web", taskDefinition), Ct);
        front.Step();

        var updated = (await front.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = front.Cluster, Service = "web", ForceNewDeployment = true }, Ct)).Service!;

        Assert.Equal([("PRIMARY", taskDefinition, "IN_PROGRESS", 0), ("ACTIVE", taskDefinition, "COMPLETED", 2)], Deployments(updated));
        Assert.NotEqual(updated.Deployments![0].Id, updated.Deployments[1].Id);
    }

    [Fact]
    public async Task A_desired_count_change_moves_running_tasks_after_the_delay_without_a_new_deployment()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        await front.Ecs.CreateServiceAsync(front.Service("web", await front.RegisterAsync()), Ct);
        front.Step();

        var scaled = (await front.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = front.Cluster, Service = "web", DesiredCount = 5 }, Ct)).Service!;
        Assert.Equal((5, 2, 3), (scaled.DesiredCount, scaled.RunningCount, scaled.PendingCount));
        front.Step();

        var service = await front.DescribeAsync("web");
        Assert.Equal((5, 5, 0), (service.DesiredCount, service.RunningCount, service.PendingCount));
        Assert.Equal(("COMPLETED", 1), (service.Deployments![0].RolloutState, service.Deployments.Count));
        Assert.Matches(@"^\(service web\) has started 3 tasks: ", service.Events![1].Message);
    }

    [Fact]
    public async Task Switching_from_a_launch_type_to_a_capacity_provider_strategy_needs_a_forced_deployment()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        await front.Ecs.CreateServiceAsync(front.Service("web", await front.RegisterAsync()), Ct);
        var switchTo = new UpdateServiceRequest
        {
            Cluster = front.Cluster,
            Service = "web",
            CapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 1 }],
        };

        var refused = await Assert.ThrowsAsync<InvalidParameterException>(() => front.Ecs.UpdateServiceAsync(switchTo, Ct));
        switchTo.ForceNewDeployment = true;
        var switched = (await front.Ecs.UpdateServiceAsync(switchTo, Ct)).Service!;

        Assert.StartsWith("When switching from launch type to capacity provider strategy on an existing service", refused.Message, StringComparison.Ordinal);
        Assert.Null(switched.LaunchType);
        Assert.Equal("FARGATE_SPOT", Assert.Single(switched.CapacityProviderStrategy!).CapacityProvider);
        Assert.Equal("FARGATE_SPOT", Assert.Single(switched.Deployments![0].CapacityProviderStrategy!).CapacityProvider);
        Assert.Equal(2, switched.Deployments.Count);
    }

    [Fact]
    public async Task An_empty_capacity_provider_strategy_takes_the_service_back_to_the_launch_type_it_had()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        await front.Ecs.CreateServiceAsync(front.Service("web", await front.RegisterAsync()), Ct);
        var spot = new UpdateServiceRequest { Cluster = front.Cluster, Service = "web", ForceNewDeployment = true, CapacityProviderStrategy = [new() { CapacityProvider = "FARGATE_SPOT", Weight = 1 }] };
        await front.Ecs.UpdateServiceAsync(spot, Ct);
        front.Step(3);
        var back = new UpdateServiceRequest { Cluster = front.Cluster, Service = "web", CapacityProviderStrategy = [] };

        var refused = await Assert.ThrowsAsync<InvalidParameterException>(() => front.Ecs.UpdateServiceAsync(back, Ct));
        back.ForceNewDeployment = true;
        var updated = (await front.Ecs.UpdateServiceAsync(back, Ct)).Service!;
        front.Step(3);

        Assert.Contains("you must force a new deployment", refused.Message, StringComparison.Ordinal);
        Assert.Equal(("FARGATE", "FARGATE", 2), (updated.LaunchType, updated.Deployments![0].LaunchType, updated.Deployments.Count));
        var service = await front.DescribeAsync("web");
        Assert.Equal(("FARGATE", "LATEST"), (service.LaunchType, service.PlatformVersion));
        Assert.True(service.CapacityProviderStrategy is null or { Count: 0 }, "ECS still reports a capacity provider strategy");
        Assert.Equal([("PRIMARY", updated.TaskDefinition, "COMPLETED", 2)], Deployments(service));
    }

    [Fact]
    public async Task On_a_service_that_never_had_a_launch_type_an_empty_strategy_is_the_clusters_default()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var cluster = TestNames.Unique("front");
        await front.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster, CapacityProviders = ["FARGATE", "FARGATE_SPOT"], DefaultCapacityProviderStrategy = [new() { CapacityProvider = "FARGATE", Weight = 1 }] }, Ct);
        var create = front.Service("web", await front.RegisterAsync());
        (create.Cluster, create.LaunchType) = (cluster, null);
        await front.Ecs.CreateServiceAsync(create, Ct);
        await front.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = "web", ForceNewDeployment = true, CapacityProviderStrategy = [new() { CapacityProvider = "FARGATE_SPOT", Weight = 1 }] }, Ct);

        var updated = (await front.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = "web", ForceNewDeployment = true, CapacityProviderStrategy = [] }, Ct)).Service!;

        Assert.Null(updated.LaunchType);
        Assert.Equal("FARGATE", Assert.Single(updated.CapacityProviderStrategy!).CapacityProvider);
    }

    [Fact]
    public async Task A_crashloop_image_fails_its_tasks_and_without_a_circuit_breaker_the_rollout_never_ends()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        await front.Ecs.CreateServiceAsync(front.Service("web", await front.RegisterAsync("nginx:crashloop")), Ct);

        front.Step(3);

        var service = await front.DescribeAsync("web");
        var primary = Assert.Single(service.Deployments!);
        Assert.Equal(("IN_PROGRESS", 6, 0), (primary.RolloutState, primary.FailedTasks, primary.RunningCount));
        Assert.Contains(service.Events!, e => e.Message!.StartsWith("(service web) is unable to consistently start tasks successfully.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_circuit_breaker_fails_a_crashing_deployment_and_rolls_back_to_the_last_completed_task_definition()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var (good, bad) = (await front.RegisterAsync(), await front.RegisterAsync("registry.example.com/team/nginx:crashloop"));
        var request = front.Service("web", good);
        request.DeploymentConfiguration = new DeploymentConfiguration { DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true } };
        await front.Ecs.CreateServiceAsync(request, Ct);
        front.Step();
        var completedId = (await front.DescribeAsync("web")).Deployments![0].Id;
        var failedId = (await front.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = front.Cluster, Service = "web", TaskDefinition = bad }, Ct)).Service!.Deployments![0].Id;

        front.Step();
        Assert.Equal(("IN_PROGRESS", 2), (Primary(await front.DescribeAsync("web")).RolloutState, Primary(await front.DescribeAsync("web")).FailedTasks));
        front.Step();
        var rolledBack = await front.DescribeAsync("web");

        var failed = rolledBack.Deployments!.Single(d => d.Id == failedId);
        Assert.Equal(("ACTIVE", "FAILED", "ECS deployment circuit breaker: tasks failed to start.", 4), (failed.Status, failed.RolloutState, failed.RolloutStateReason, failed.FailedTasks));
        var rollback = Primary(rolledBack);
        Assert.Equal((good, "IN_PROGRESS", $"ECS deployment circuit breaker: rolling back to deploymentId {completedId}."), (rollback.TaskDefinition, rollback.RolloutState, rollback.RolloutStateReason));
        Assert.NotEqual(completedId, rollback.Id);
        Assert.Equal(good, rolledBack.TaskDefinition);
        Assert.Contains(rolledBack.Events!, e => e.Message == $"(service web) (deployment {failedId}) deployment failed: tasks failed to start.");

        front.Step(3);
        var settled = await front.DescribeAsync("web");
        Assert.Equal([("PRIMARY", good, "COMPLETED", 2)], Deployments(settled));
        Assert.Equal((2, 2), (settled.RunningCount, settled.DesiredCount));
    }

    [Fact]
    public async Task Without_rollback_the_circuit_breaker_leaves_the_failed_deployment_PRIMARY()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var request = front.Service("web", await front.RegisterAsync("nginx:crashloop"), desiredCount: 8);
        request.DeploymentConfiguration = new DeploymentConfiguration { DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = false } };
        await front.Ecs.CreateServiceAsync(request, Ct);

        front.Step(5);

        var primary = Primary(await front.DescribeAsync("web"));
        Assert.Equal(("FAILED", 8), (primary.RolloutState, primary.FailedTasks));
    }

    [Fact]
    public async Task An_EC2_service_on_a_cluster_without_container_instances_is_unable_to_place_its_tasks()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var request = front.Service("web", await front.RegisterAsync());
        request.LaunchType = "EC2";
        await front.Ecs.CreateServiceAsync(request, Ct);

        front.Step(2);

        var service = await front.DescribeAsync("web");
        Assert.Equal((0, 0, "IN_PROGRESS"), (service.RunningCount, service.PendingCount, Primary(service).RolloutState));
        Assert.StartsWith(
            "(service web) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.",
            Assert.Single(service.Events!).Message,
            StringComparison.Ordinal);
    }

    private static Deployment Primary(Service service) => service.Deployments!.Single(d => d.Status == "PRIMARY");

    private static List<(string?, string?, string?, int?)> Deployments(Service service) =>
        service.Deployments!.Select(d => (d.Status, d.TaskDefinition, d.RolloutState, d.RunningCount)).ToList();
}

using EcsOperator.Aws.Ecs.Model;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>The ECS services front: CreateService, DescribeServices, ListServices and tags, as ECS answers them.</summary>
public sealed class EcsFrontServiceTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_keeps_every_field_fills_ECS_defaults_and_starts_a_PRIMARY_deployment_in_progress()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var taskDefinition = await front.RegisterAsync();
        var request = front.Service("web", $"{front.Family}:1");
        request.DeploymentConfiguration = new DeploymentConfiguration { DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true } };
        request.PlacementStrategy = [new PlacementStrategy { Type = "spread", Field = "attribute:ecs.availability-zone" }];
        (request.HealthCheckGracePeriodSeconds, request.EnableExecuteCommand, request.EnableECSManagedTags) = (30, true, true);
        (request.AvailabilityZoneRebalancing, request.PropagateTags) = ("DISABLED", "SERVICE");
        request.Tags = [new Tag { Key = "app", Value = "web" }];

        var created = (await front.Ecs.CreateServiceAsync(request, Ct)).Service!;

        var cluster = (await front.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [front.Cluster] }, Ct)).Clusters![0];
        Assert.Equal($"arn:aws:ecs:us-east-1:{cluster.ClusterArn!.Split(':')[4]}:service/{front.Cluster}/web", created.ServiceArn);
        Assert.Equal((cluster.ClusterArn, "ACTIVE", taskDefinition), (created.ClusterArn, created.Status, created.TaskDefinition));
        Assert.Equal(("FARGATE", "LATEST", "REPLICA", "ECS"), (created.LaunchType, created.PlatformVersion, created.SchedulingStrategy, created.DeploymentController?.Type));
        Assert.Equal((200, 100, true, true), (created.DeploymentConfiguration?.MaximumPercent, created.DeploymentConfiguration?.MinimumHealthyPercent,
            created.DeploymentConfiguration?.DeploymentCircuitBreaker?.Enable, created.DeploymentConfiguration?.DeploymentCircuitBreaker?.Rollback));
        Assert.Equal("attribute:ecs.availability-zone", Assert.Single(created.PlacementStrategy!).Field);
        Assert.Equal((30, true, true, "DISABLED", "SERVICE"), (created.HealthCheckGracePeriodSeconds, created.EnableExecuteCommand, created.EnableECSManagedTags,
            created.AvailabilityZoneRebalancing, created.PropagateTags));
        Assert.Equal("DISABLED", created.NetworkConfiguration?.AwsvpcConfiguration?.AssignPublicIp);
        Assert.StartsWith("arn:aws:iam::", created.CreatedBy, StringComparison.Ordinal);
        Assert.NotNull(created.CreatedAt);
        var primary = Assert.Single(created.Deployments!);
        Assert.Equal(("PRIMARY", "IN_PROGRESS", taskDefinition, 2, 0, 2), (primary.Status, primary.RolloutState, primary.TaskDefinition,
            primary.DesiredCount, primary.RunningCount, primary.PendingCount));
        Assert.StartsWith("ecs-svc/", primary.Id, StringComparison.Ordinal);
        Assert.Equal((2, 0, 2), (created.DesiredCount, created.RunningCount, created.PendingCount));
    }

    [Fact]
    public async Task Defaults_are_ECSs_when_the_request_leaves_them_out()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var request = front.Service("web", await front.RegisterAsync());
        request.LaunchType = null;

        var created = (await front.Ecs.CreateServiceAsync(request, Ct)).Service!;

        Assert.Equal(("EC2", null), (created.LaunchType, created.PlatformVersion));
        Assert.Equal((200, 100, false, false), (created.DeploymentConfiguration?.MaximumPercent, created.DeploymentConfiguration?.MinimumHealthyPercent,
            created.DeploymentConfiguration?.DeploymentCircuitBreaker?.Enable, created.DeploymentConfiguration?.DeploymentCircuitBreaker?.Rollback));
        Assert.Equal((false, false, "NONE", "ENABLED"), (created.EnableExecuteCommand, created.EnableECSManagedTags, created.PropagateTags, created.AvailabilityZoneRebalancing));
        Assert.Empty(created.LoadBalancers!);
        Assert.Empty(created.PlacementConstraints!);
    }

    [Fact]
    public async Task Events_keep_the_newest_100_newest_first()
    {
        const int Cycles = 30; // 3 events at creation and 4 per forced deployment: 123 in all
        await using var front = await EcsFrontHarness.StartAsync(moto);
        await front.Ecs.CreateServiceAsync(front.Service("web", await front.RegisterAsync()), Ct);
        front.Step();
        var firstCycle = front.Clock.GetUtcNow();
        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            await front.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = front.Cluster, Service = "web", ForceNewDeployment = true }, Ct);
            front.Step(3); // tasks started; old tasks stopped; deployment completed and steady state
        }

        var events = (await front.DescribeAsync("web")).Events!;

        Assert.Equal(100, events.Count);
        var times = events.Select(e => new DateTimeOffset(e.CreatedAt!.Value, TimeSpan.Zero).ToUnixTimeSeconds()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal("(service web) has reached a steady state.", events[0].Message);
        Assert.Equal(front.Clock.GetUtcNow().ToUnixTimeSeconds(), times[0]);

        // The 23 oldest went: the creation's 3 and the first 5 cycles' 20. The oldest kept is cycle 6's first step.
        Assert.Matches(@"^\(service web\) has started 2 tasks: ", events[^1].Message);
        Assert.Equal((firstCycle + (EcsFrontHarness.Delay * ((5 * 3) + 1))).ToUnixTimeSeconds(), times[^1]);
        Assert.Equal(100, events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task After_the_delay_the_tasks_run_and_the_rollout_completes_with_ECSs_events_newest_first()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        await front.Ecs.CreateServiceAsync(front.Service("web", await front.RegisterAsync()), Ct);
        front.Clock.Advance(EcsFrontHarness.Delay - TimeSpan.FromMilliseconds(1));
        Assert.Equal((0, 2, "IN_PROGRESS"), Counts(await front.DescribeAsync("web")));

        front.Clock.Advance(TimeSpan.FromMilliseconds(1));

        var service = await front.DescribeAsync("web");
        Assert.Equal((2, 0, "COMPLETED"), Counts(service));
        var messages = service.Events!.Select(e => e.Message).ToList();
        Assert.Equal("(service web) has reached a steady state.", messages[0]);
        Assert.Equal($"(service web) (deployment {service.Deployments![0].Id}) deployment completed.", messages[1]);
        Assert.Matches(@"^\(service web\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$", messages[2]);
        Assert.All(service.Events!, e => Assert.True(Guid.TryParse(e.Id, out _)));
        Assert.Equal(front.Clock.GetUtcNow().ToUnixTimeSeconds(), new DateTimeOffset(service.Events![0].CreatedAt!.Value, TimeSpan.Zero).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task The_same_client_token_returns_the_same_service_and_another_token_is_not_idempotent()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var request = front.Service("web", await front.RegisterAsync());
        var first = (await front.Ecs.CreateServiceAsync(request, Ct)).Service!;

        var again = (await front.Ecs.CreateServiceAsync(request, Ct)).Service!;
        request.ClientToken = Guid.NewGuid().ToString("N");
        request.DesiredCount = 5;
        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => front.Ecs.CreateServiceAsync(request, Ct));

        Assert.Equal((first.ServiceArn, first.CreatedAt, first.Deployments![0].Id), (again.ServiceArn, again.CreatedAt, again.Deployments![0].Id));
        Assert.Equal("Creation of service was not idempotent.", error.Message);
        Assert.Equal(2, (await front.DescribeAsync("web")).DesiredCount);
        Assert.Equal(3, front.Proxy.Stats.For("ecs", "CreateService").Calls);
    }

    [Fact]
    public async Task A_missing_cluster_or_task_definition_is_refused_as_ECS_refuses_it()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var request = front.Service("web", await front.RegisterAsync());

        request.Cluster = TestNames.Unique("nocluster");
        var noCluster = await Assert.ThrowsAsync<ClusterNotFoundException>(() => front.Ecs.CreateServiceAsync(request, Ct));
        request.Cluster = front.Cluster;
        request.TaskDefinition = front.Family + ":42";
        var noTaskDefinition = await Assert.ThrowsAsync<ClientException>(() => front.Ecs.CreateServiceAsync(request, Ct));

        Assert.Equal("Cluster not found.", noCluster.Message);
        Assert.Equal("TaskDefinition not found.", noTaskDefinition.Message);
    }

    [Fact]
    public async Task Describe_reports_unknown_names_as_MISSING_and_tags_only_when_asked()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var request = front.Service("web", await front.RegisterAsync());
        request.Tags = [new Tag { Key = "app", Value = "web" }];
        var arn = (await front.Ecs.CreateServiceAsync(request, Ct)).Service!.ServiceArn!;

        var answer = await front.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = front.Cluster, Services = [arn, "nope"] }, Ct);

        Assert.Null(Assert.Single(answer.Services!).Tags);
        var failure = Assert.Single(answer.Failures!);
        Assert.Equal(("MISSING", arn.Replace("/web", "/nope", StringComparison.Ordinal)), (failure.Reason, failure.Arn));
        Assert.Equal([("app", "web")], (await front.DescribeAsync("web", tags: true)).Tags!.Select(t => (t.Key, t.Value)));
    }

    [Fact]
    public async Task Tags_on_a_service_ARN_are_kept_by_the_front()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var arn = (await front.Ecs.CreateServiceAsync(front.Service("web", await front.RegisterAsync()), Ct)).Service!.ServiceArn!;

        await front.Ecs.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "a", Value = "1" }, new Tag { Key = "b", Value = "2" }] }, Ct);
        await front.Ecs.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["a"] }, Ct);
        var listed = await front.Ecs.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn }, Ct);

        Assert.Equal([("b", "2")], listed.Tags!.Select(t => (t.Key, t.Value)));
        Assert.Equal([("b", "2")], (await front.DescribeAsync("web", tags: true)).Tags!.Select(t => (t.Key, t.Value)));
    }

    [Fact]
    public async Task List_pages_the_clusters_ACTIVE_services_and_DescribeClusters_counts_them()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var taskDefinition = await front.RegisterAsync();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await front.Ecs.CreateServiceAsync(front.Service(name, taskDefinition, desiredCount: 1), Ct);
        }

        var first = await front.Ecs.ListServicesAsync(new ListServicesRequest { Cluster = front.Cluster, MaxResults = 2 }, Ct);
        var second = await front.Ecs.ListServicesAsync(new ListServicesRequest { Cluster = front.Cluster, MaxResults = 2, NextToken = first.NextToken }, Ct);
        front.Step();
        var cluster = (await front.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [front.Cluster] }, Ct)).Clusters![0];

        Assert.Equal(["a", "b", "c"], first.ServiceArns!.Concat(second.ServiceArns!).Select(a => a.Split('/')[^1]));
        Assert.Null(second.NextToken);
        Assert.Equal((3, 3, 0), (cluster.ActiveServicesCount, cluster.RunningTasksCount, cluster.PendingTasksCount));
    }

    private static (int? Running, int? Pending, string? Rollout) Counts(Service service) =>
        (service.RunningCount, service.PendingCount, service.Deployments?.FirstOrDefault(d => d.Status == "PRIMARY")?.RolloutState);
}

using System.Net;
using System.Text.Json;
using EcsOperator.Aws.Ecs.Model;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.Testing;
using Xunit;
using Elbv2 = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>The checks real ECS makes and moto skips, answered by the ECS services front with ECS's wording.</summary>
public sealed class EcsFrontValidationTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DescribeServices_takes_at_most_10_names_and_DescribeClusters_at_most_100()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);

        var services = await Assert.ThrowsAsync<InvalidParameterException>(() => front.Ecs.DescribeServicesAsync(
            new DescribeServicesRequest { Cluster = front.Cluster, Services = [.. Enumerable.Range(0, 11).Select(i => $"s{i}")] }, Ct));
        var clusters = await Assert.ThrowsAsync<InvalidParameterException>(() => front.Ecs.DescribeClustersAsync(
            new DescribeClustersRequest { Clusters = [.. Enumerable.Range(0, 101).Select(i => $"c{i}")] }, Ct));
        var ten = await front.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = front.Cluster, Services = [.. Enumerable.Range(0, 10).Select(i => $"s{i}")] }, Ct);

        Assert.Equal("services can have at most 10 items.", services.Message);
        Assert.Equal("clusters can have at most 100 items.", clusters.Message);
        Assert.Equal(10, ten.Failures!.Count);
    }

    [Fact]
    public async Task A_load_balancer_entry_needs_an_attached_target_group_and_a_container_port_of_the_task_definition()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var seed = await MotoSeed.CreateAsync(moto, Ct);
        using var elbv2 = MotoAws.Factory(moto).CreateElbv2();
        var attached = (await elbv2.DescribeListenersAsync(new Elbv2.DescribeListenersRequest { ListenerArns = [seed.ListenerArn] }, Ct))
            .Listeners![0].DefaultActions![0].TargetGroupArn!;
        var detached = (await elbv2.CreateTargetGroupAsync(new Elbv2.CreateTargetGroupRequest
        {
            Name = TestNames.Unique("lone"),
            Protocol = "HTTP",
            Port = 80,
            VpcId = seed.VpcId,
            TargetType = "ip",
        }, Ct)).TargetGroups![0].TargetGroupArn!;
        var request = front.Service("web", await front.RegisterAsync());

        var errors = new List<string>();
        foreach (var (targetGroup, container, port) in new[] { (detached, "web", 80), (attached, "sidecar", 80), (attached, "web", 8080) })
        {
            request.LoadBalancers = [new LoadBalancer { TargetGroupArn = targetGroup, ContainerName = container, ContainerPort = port }];
            errors.Add((await Assert.ThrowsAsync<InvalidParameterException>(() => front.Ecs.CreateServiceAsync(request, Ct))).Message);
        }

        request.LoadBalancers = [new LoadBalancer { TargetGroupArn = attached, ContainerName = "web", ContainerPort = 80 }];
        var created = (await front.Ecs.CreateServiceAsync(request, Ct)).Service!;

        Assert.Equal(
            [
                $"The target group with targetGroupArn {detached} does not have an associated load balancer.",
                "The container sidecar does not exist in the task definition.",
                "The container web did not have a container port 8080 defined.",
            ],
            errors);
        Assert.Equal(attached, Assert.Single(created.LoadBalancers!).TargetGroupArn);
    }

    [Fact]
    public async Task A_target_group_a_rule_was_re_pointed_to_is_attached_as_elbv2_reports_it_though_moto_lists_no_load_balancer()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var seed = await MotoSeed.CreateAsync(moto, Ct);
        using var elbv2 = MotoAws.Factory(moto).CreateElbv2();
        var defaultGroup = (await elbv2.DescribeListenersAsync(new Elbv2.DescribeListenersRequest { ListenerArns = [seed.ListenerArn] }, Ct))
            .Listeners![0].DefaultActions![0].TargetGroupArn!;
        var moved = (await elbv2.CreateTargetGroupAsync(new Elbv2.CreateTargetGroupRequest
        {
            Name = TestNames.Unique("moved"),
            Protocol = "HTTP",
            Port = 8080,
            VpcId = seed.VpcId,
            TargetType = "ip",
        }, Ct)).TargetGroups![0].TargetGroupArn!;
        var rule = (await elbv2.CreateRuleAsync(new Elbv2.CreateRuleRequest
        {
            ListenerArn = seed.ListenerArn,
            Priority = 5,
            Conditions = [new() { Field = "path-pattern", PathPatternConfig = new() { Values = ["/moved/*"] } }],
            Actions = [new() { Type = "forward", TargetGroupArn = defaultGroup }],
        }, Ct)).Rules![0].RuleArn!;
        await elbv2.ModifyRuleAsync(new Elbv2.ModifyRuleRequest { RuleArn = rule, Actions = [new() { Type = "forward", TargetGroupArn = moved }] }, Ct);
        var request = front.Service("web", await front.RegisterAsync());
        request.LoadBalancers = [new LoadBalancer { TargetGroupArn = moved, ContainerName = "web", ContainerPort = 80 }];

        var created = (await front.Ecs.CreateServiceAsync(request, Ct)).Service!;

        Assert.Empty((await elbv2.DescribeTargetGroupsAsync(new Elbv2.DescribeTargetGroupsRequest { TargetGroupArns = [moved] }, Ct)).TargetGroups![0].LoadBalancerArns ?? []);
        Assert.Equal(moved, Assert.Single(created.LoadBalancers!).TargetGroupArn);
    }

    [Fact]
    public async Task A_member_of_the_wrong_JSON_type_is_a_SerializationException_naming_it()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var taskDefinition = await front.RegisterAsync();
        using var http = new HttpClient();

        using var answer = await http.SendAsync(RawAws.Ecs(front.Proxy.Endpoint, "CreateService",
            $$"""{"cluster": "{{front.Cluster}}", "serviceName": "web", "taskDefinition": "{{taskDefinition}}", "desiredCount": "two"}"""), Ct);
        using var error = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("SerializationException", error.RootElement.GetProperty("__type").GetString());
        Assert.Equal("desiredCount must be a JSON integer.", error.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_launch_type_and_a_capacity_provider_strategy_together_are_refused()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var request = front.Service("web", await front.RegisterAsync());
        request.CapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1 }];

        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => front.Ecs.CreateServiceAsync(request, Ct));

        Assert.Equal("Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.", error.Message);
    }

    [Fact]
    public async Task A_capacity_provider_strategy_is_kept_without_a_launch_type_and_Fargate_gets_platform_version_LATEST()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var request = front.Service("web", await front.RegisterAsync());
        (request.LaunchType, request.CapacityProviderStrategy) = (null, [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1 }]);

        var created = (await front.Ecs.CreateServiceAsync(request, Ct)).Service!;

        Assert.Equal((null, "LATEST"), (created.LaunchType, created.PlatformVersion));
        Assert.Equal("FARGATE", Assert.Single(created.CapacityProviderStrategy!).CapacityProvider);
    }
}

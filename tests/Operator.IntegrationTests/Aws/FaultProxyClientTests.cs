using AwsFaultProxy;
using EcsOperator.Aws;
using EcsOperator.Aws.Budget;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Ecs.Model;
using EcsOperator.Testing;
using Xunit;
using RetryOptions = EcsOperator.Aws.Core.AwsRetryOptions;

namespace EcsOperator.IntegrationTests.Aws;

/// <summary>The clients behind the fault proxy: paging followed, throttling retried, errors moto cannot produce.</summary>
public sealed class FaultProxyClientTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Fast, patient retries and a budget that never slows the test down.</summary>
    private static readonly RetryOptions PatientRetries = new() { MaxErrorRetry = 30, MaxBackoff = TimeSpan.FromMilliseconds(20), RetryQuota = false };

    [Fact]
    public async Task Task_definition_pages_are_followed_to_the_end()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint, Seed = 1 }, Ct);
        proxy.Rules.Add(FaultRule.SplitPages("ecs", "ListTaskDefinitions", pageSize: 2));
        using var ecs = MotoAws.Factory(proxy.Endpoint).CreateEcs();
        var family = TestNames.Unique("paged");
        for (var i = 0; i < 5; i++)
        {
            await ecs.RegisterTaskDefinitionAsync(EcsSamples.TaskDefinition(family), Ct);
        }

        var arns = await ecs.ListAllTaskDefinitionArnsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = family }, Ct).ToListAsync(Ct);

        Assert.Equal(Enumerable.Range(1, 5).Select(r => $"{family}:{r}"), arns.Select(a => a[(a.LastIndexOf('/') + 1)..]));
        Assert.Equal(3, proxy.Stats.For("ecs", "ListTaskDefinitions").Calls);
    }

    [Fact]
    public async Task Service_pages_are_followed_to_the_end()
    {
        var network = await MotoSeed.CreateAsync(moto, Ct);
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint, Seed = 2 }, Ct);
        proxy.Rules.Add(FaultRule.SplitPages("ecs", "ListServices", pageSize: 1));
        using var ecs = MotoAws.Factory(proxy.Endpoint).CreateEcs();
        var cluster = TestNames.Unique("pages");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster }, Ct);
        var family = TestNames.Unique("web");
        await ecs.RegisterTaskDefinitionAsync(EcsSamples.TaskDefinition(family), Ct);
        foreach (var name in new[] { "a", "b", "c" })
        {
            await ecs.CreateServiceAsync(EcsSamples.Service(cluster, name, family, network), Ct);
        }

        var arns = await ecs.ListAllServiceArnsAsync(new ListServicesRequest { Cluster = cluster }, Ct).ToListAsync(Ct);

        Assert.Equal(["a", "b", "c"], arns.Select(a => a[(a.LastIndexOf('/') + 1)..]).Order());
        Assert.Equal(3, proxy.Stats.For("ecs", "ListServices").Calls);
    }

    [Fact]
    public async Task With_half_of_ecs_calls_throttled_200_sequential_calls_all_succeed()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint, Seed = 50 }, Ct);
        proxy.Rules.Add(FaultRule.Throttle("ecs", "*", probability: 0.5));
        var factory = MotoAws.Factory(proxy.Endpoint, retry: PatientRetries, budget: new AwsBudgetOptions { Scale = 100 });
        using var ecs = factory.CreateEcs();
        var cluster = TestNames.Unique("storm");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster }, Ct);

        for (var i = 0; i < 200; i++)
        {
            var response = await ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [cluster] }, Ct);
            Assert.Equal(cluster, Assert.Single(response.Clusters!).ClusterName);
        }

        var stats = proxy.Stats.For("ecs", "DescribeClusters");
        Assert.Equal(200, stats.Forwarded);
        Assert.InRange(stats.Throttled, 100, 400);
        Assert.Equal(200 + stats.Throttled, stats.Calls);
        Assert.Equal(stats.Throttled, MotoAws.Count(factory, "ECS", "DescribeClusters", "ThrottlingException"));
        Assert.Equal(200, MotoAws.Count(factory, "ECS", "DescribeClusters", "OK"));
    }

    [Fact]
    public async Task Server_errors_that_outlast_the_retries_are_typed_and_transient()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint, Seed = 3 }, Ct);
        proxy.Rules.Add(FaultRule.ServerError("ecs", "DescribeServices"));
        proxy.Rules.Add(FaultRule.ServerError("elbv2", "DescribeTargetGroups", statusCode: 503));
        var factory = MotoAws.Factory(proxy.Endpoint, retry: new RetryOptions { MaxErrorRetry = 2, MaxBackoff = TimeSpan.FromMilliseconds(5) });
        using var ecs = factory.CreateEcs();
        using var elb = factory.CreateElbv2();

        var ecsError = await Assert.ThrowsAsync<ServerException>(() => ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "c", Services = ["s"] }, Ct));
        var elbError = await Assert.ThrowsAnyAsync<AwsServiceException>(() => elb.DescribeTargetGroupsAsync(new(), Ct));

        Assert.Equal(AwsErrorClass.Transient, ecsError.Classification);
        Assert.Equal(("ServiceUnavailable", AwsErrorClass.Transient), (elbError.ErrorCode, elbError.Classification));
        Assert.Equal(3, proxy.Stats.For("ecs", "DescribeServices").Calls);
    }

    [Fact]
    public async Task Throttling_in_every_protocol_becomes_a_throttling_exception()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint, Seed = 4 }, Ct);
        proxy.Rules.Add(FaultRule.Throttle("*", "*"));
        var factory = MotoAws.Factory(proxy.Endpoint, retry: new RetryOptions { MaxErrorRetry = 0 });

        using var ecs = factory.CreateEcs();
        using var elb = factory.CreateElbv2();
        using var efs = factory.CreateEfs();
        using var iam = factory.CreateIam();
        await Assert.ThrowsAsync<ThrottlingException>(() => ecs.ListServicesAsync(new ListServicesRequest(), Ct));
        await Assert.ThrowsAsync<ThrottlingException>(() => elb.DescribeRulesAsync(new() { ListenerArn = "arn:l" }, Ct));
        await Assert.ThrowsAsync<ThrottlingException>(() => efs.DescribeFileSystemsAsync(new(), Ct));
        var iamError = await Assert.ThrowsAsync<ThrottlingException>(() => iam.GetRoleAsync(new() { RoleName = "r" }, Ct));
        Assert.Equal(AwsErrorClass.Throttled, iamError.Classification);
    }
}

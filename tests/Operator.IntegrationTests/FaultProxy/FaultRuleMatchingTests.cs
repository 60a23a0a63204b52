using System.Net;
using AwsFaultProxy;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>Which calls a rule hits: patterns, aliases, windows and rule order. The upstream is a local recorder.</summary>
public sealed class FaultRuleMatchingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Operation_patterns_take_wildcards_and_alternatives_case_insensitively()
    {
        await using var upstream = await RecordingUpstream.StartAsync();
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = upstream.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Throttle("ECS", "describe*|List?lusters"));

        var statuses = await EcsStatusesAsync(proxy, "DescribeServices", "ListClusters", "ListServices", "CreateCluster");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Created, HttpStatusCode.Created], statuses);
    }

    [Theory]
    [InlineData("elbv2")]
    [InlineData("elasticloadbalancing")]
    [InlineData("elastic*")]
    public async Task A_service_alias_or_pattern_matches_the_signing_name(string service)
    {
        await using var upstream = await RecordingUpstream.StartAsync();
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = upstream.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Throttle(service));
        using var http = new HttpClient();

        using var response = await http.SendAsync(RawAws.Query(proxy.Endpoint, "elasticloadbalancing", "DescribeRules", "2015-12-01"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, proxy.Stats.For("elbv2", "DescribeRules").Throttled);
    }

    [Fact]
    public async Task A_window_skips_then_faults_a_fixed_number_of_matching_calls()
    {
        await using var upstream = await RecordingUpstream.StartAsync();
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = upstream.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.ServerError("ecs", "ListClusters", 503) with { SkipCalls = 1, FirstCalls = 2 });

        var statuses = await EcsStatusesAsync(proxy, "ListClusters", "CreateCluster", "ListClusters", "ListClusters", "ListClusters");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Created], statuses);
        Assert.Equal(3, upstream.Received.Count);
    }

    [Fact]
    public async Task The_first_fault_rule_in_order_wins_and_latency_adds_to_it()
    {
        await using var upstream = await RecordingUpstream.StartAsync();
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = upstream.Endpoint }, Ct);
        proxy.Rules.Replace(
        [
            FaultRule.Delay("ecs", "*", TimeSpan.FromMilliseconds(50)),
            FaultRule.Throttle("ecs"),
            FaultRule.ServerError("ecs"),
        ]);

        var statuses = await EcsStatusesAsync(proxy, "ListClusters");

        Assert.Equal([HttpStatusCode.BadRequest], statuses);
        var call = Assert.Single(proxy.Stats.Journal());
        Assert.Equal((50, FaultKind.Throttle), (call.DelayMilliseconds, call.Fault));
        Assert.Empty(upstream.Received);
    }

    [Fact]
    public async Task A_rule_that_cannot_mean_anything_is_refused_when_added()
    {
        // The upstream is never contacted: no call is made.
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = new Uri("http://127.0.0.1:9") }, Ct);

        Assert.Throws<ArgumentException>(() => proxy.Rules.Add(FaultRule.SplitPages("ecs", "ListServices", pageSize: 0)));
        Assert.Throws<ArgumentException>(() => proxy.Rules.Add(FaultRule.ServerError("ecs", "*", statusCode: 404)));
        Assert.Throws<ArgumentException>(() => proxy.Rules.Add(FaultRule.Throttle("ecs", "*", probability: 1.5)));
        Assert.Throws<ArgumentException>(() => proxy.Rules.Replace([FaultRule.Throttle("ecs"), FaultRule.Throttle("")]));
        Assert.Empty(proxy.Rules.Current);
    }

    private static async Task<HttpStatusCode[]> EcsStatusesAsync(AwsFaultProxy.FaultProxy proxy, params string[] operations)
    {
        using var http = new HttpClient();
        var statuses = new List<HttpStatusCode>();
        foreach (var operation in operations)
        {
            using var response = await http.SendAsync(RawAws.Ecs(proxy.Endpoint, operation, "{}"), Ct);
            statuses.Add(response.StatusCode);
        }

        return [.. statuses];
    }
}

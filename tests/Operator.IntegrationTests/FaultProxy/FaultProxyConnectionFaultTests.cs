using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AwsFaultProxy;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>Dropped connections, added latency and an emulated request budget, as a client notices them.</summary>
public sealed class FaultProxyConnectionFaultTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dropped_call_gets_no_response_and_never_reaches_moto()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Drop("ecs", "CreateCluster"));
        var name = TestNames.Unique("fp-drop");
        using var http = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(RawAws.Ecs(proxy.Endpoint, "CreateCluster", $"{{\"clusterName\":\"{name}\"}}"), Ct));

        Assert.False(await ClusterExistsAsync(name));
        var create = proxy.Stats.For("ecs", "CreateCluster");
        Assert.Equal((1, 1, 0), (create.Calls, create.Injected[FaultKind.Drop], create.Forwarded));
        Assert.Null(proxy.Stats.Journal().Single().ClientStatus);
    }

    [Fact]
    public async Task A_dropped_response_leaves_the_call_applied_at_moto_while_the_client_sees_a_broken_connection()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.DropResponse("ecs", "CreateCluster"));
        var name = TestNames.Unique("fp-dropresp");
        using var http = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(RawAws.Ecs(proxy.Endpoint, "CreateCluster", $"{{\"clusterName\":\"{name}\"}}"), Ct));

        Assert.True(await ClusterExistsAsync(name));
        Assert.Equal(1, proxy.Stats.For("ecs", "CreateCluster").UpstreamStatus[200]);
    }

    [Fact]
    public async Task Awscli_retries_a_dropped_connection_and_succeeds()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Drop("ecs", "ListClusters") with { FirstCalls = 1 });

        await AwsCli.RunOkAsync(AwsCli.Through(proxy, moto, maxAttempts: 3), "ecs", "list-clusters");

        Assert.Equal([FaultKind.Drop, null], proxy.Stats.Journal().Select(c => c.Fault));
    }

    [Fact]
    public async Task Added_latency_delays_the_answer_by_at_least_the_configured_time()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Delay("ecs", "ListClusters", TimeSpan.FromMilliseconds(400)));
        using var http = new HttpClient();

        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(RawAws.Ecs(proxy.Endpoint, "ListClusters", "{}"), Ct);
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), $"answered after {clock.Elapsed}");
        Assert.Equal(400, proxy.Stats.Journal().Single().DelayMilliseconds);
        Assert.Equal(1, proxy.Stats.For("ecs", "ListClusters").Injected[FaultKind.Latency]);
    }

    [Fact]
    public async Task A_token_bucket_lets_the_burst_through_and_throttles_the_rest_of_its_operation_family()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        // A refill rate of one token per ~3 hours: within this test only the burst is available.
        proxy.Rules.Add(FaultRule.TokenBucket("ecs", "List*,Describe*", ratePerSecond: 0.0001, burst: 3));
        using var http = new HttpClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var operation in new[] { "ListClusters", "DescribeClusters", "ListClusters", "DescribeClusters", "ListClusters", "CreateCluster" })
        {
            var body = operation == "CreateCluster" ? $"{{\"clusterName\":\"{TestNames.Unique("fp-bucket")}\"}}" : "{}";
            using var response = await http.SendAsync(RawAws.Ecs(proxy.Endpoint, operation, body), Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.OK], statuses);
        Assert.Equal(2, proxy.Stats.Operations().Sum(o => o.Injected.GetValueOrDefault(FaultKind.TokenBucket)));
    }

    private async Task<bool> ClusterExistsAsync(string name)
    {
        using var http = new HttpClient();
        using var response = await http.SendAsync(RawAws.Ecs(moto.Endpoint, "DescribeClusters", JsonSerializer.Serialize(new { clusters = new[] { name } })), Ct);
        var clusters = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("clusters");
        return clusters.EnumerateArray().Any(c => c.GetProperty("status").GetString() == "ACTIVE");
    }
}

using System.Net;
using AwsFaultProxy;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>Probabilistic rules replay exactly under a seed, so a failing reliability run can be reproduced.</summary>
public sealed class FaultProxyDeterminismTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const int CallCount = 40;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_seed_injects_the_same_faults_into_the_same_calls()
    {
        var first = await FaultSequenceAsync(seed: 42);
        var second = await FaultSequenceAsync(seed: 42);

        Assert.Equal(first, second);
        Assert.InRange(first.Count(f => f is not null), 5, CallCount - 5);
        Assert.Contains(FaultKind.Throttle, first);
        Assert.Contains(FaultKind.ServerError, first);
    }

    [Fact]
    public async Task A_different_seed_injects_a_different_sequence()
    {
        var first = await FaultSequenceAsync(seed: 42);
        var other = await FaultSequenceAsync(seed: 7);

        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Replacing_the_rules_restarts_the_sequence_on_the_same_proxy()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint, Seed = 3 }, Ct);
        proxy.Rules.Replace(Rules());
        var first = await CallAsync(proxy);
        proxy.Rules.Replace(Rules());
        var again = await CallAsync(proxy);

        Assert.Equal(first, again);
    }

    private static FaultRule[] Rules() =>
    [
        FaultRule.Throttle("ecs", "List*", probability: 0.3),
        FaultRule.ServerError("ecs", "*", 503, probability: 0.2),
    ];

    private async Task<FaultKind?[]> FaultSequenceAsync(int seed)
    {
        var options = new FaultProxyOptions { Upstream = moto.Endpoint, Seed = seed };
        foreach (var rule in Rules())
        {
            options.Rules.Add(rule);
        }

        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(options, Ct);
        return await CallAsync(proxy);
    }

    /// <summary>Makes the calls one by one and returns, per call, the fault the client observed.</summary>
    private static async Task<FaultKind?[]> CallAsync(AwsFaultProxy.FaultProxy proxy)
    {
        using var http = new HttpClient();
        var observed = new FaultKind?[CallCount];
        for (var i = 0; i < CallCount; i++)
        {
            using var response = await http.SendAsync(RawAws.Ecs(proxy.Endpoint, "ListClusters", "{}"), Ct);
            observed[i] = response.StatusCode switch
            {
                HttpStatusCode.OK => null,
                HttpStatusCode.BadRequest => FaultKind.Throttle,
                HttpStatusCode.ServiceUnavailable => FaultKind.ServerError,
                var other => throw new InvalidOperationException($"unexpected status {other}"),
            };
        }

        Assert.Equal(observed, proxy.Stats.Journal().TakeLast(CallCount).Select(c => c.Fault));
        return observed;
    }
}

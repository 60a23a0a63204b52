using AwsFaultProxy;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>
/// AWS applies a request it has received even when the caller hangs up before the answer (an operator replica that
/// loses its lease cancels its in-flight calls). The proxy must do the same and keep the call in its record: otherwise a
/// create that the upstream applied vanishes from the counts and from the replicas' timeline.
/// </summary>
public sealed class FaultProxyHangUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_whose_client_hangs_up_while_the_upstream_works_on_it_is_finished_and_recorded()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await RecordingUpstream.StartAsync(release.Task);
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = upstream.Endpoint }, Ct);
        using var http = new HttpClient();
        using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = http.SendAsync(RawAws.Ecs(proxy.Endpoint, "RegisterTaskDefinition", "{}"), hangUp.Token);
        await upstream.FirstArrival.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        release.SetResult();

        Assert.True(await Eventually.TrueAsync(() => proxy.Stats.For("ecs", "RegisterTaskDefinition").Calls == 1, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(20)), "the abandoned call is not in the proxy's record");
        var register = proxy.Stats.For("ecs", "RegisterTaskDefinition");
        Assert.Equal((1L, 1L, 1L), (register.Calls, register.Forwarded, register.Succeeded));
        Assert.Equal(1, upstream.Answered);
        var record = Assert.Single(proxy.Stats.Journal());
        Assert.True(record.Completed >= record.Started, "the record's in-flight window is backwards");
    }
}

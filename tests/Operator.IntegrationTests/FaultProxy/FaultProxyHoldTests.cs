using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwsFaultProxy;
using EcsOperator.Aws.Ecs.Model;
using EcsOperator.IntegrationTests.Runtime;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>
/// HoldResponse rules, the crash hook: the call takes effect upstream (or in the ECS front) and the client hears
/// nothing until the answer is released, so a test can kill the client exactly in between.
/// </summary>
public sealed class FaultProxyHoldTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_held_CreateService_exists_before_its_client_hears_back_and_a_killed_client_never_does()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var request = front.Service("web", await front.RegisterAsync());
        front.Proxy.Rules.Add(FaultRule.HoldResponse("ecs", "CreateService") with { FirstCalls = 1 });
        var seen = new List<HeldCall>();
        using var subscription = front.Proxy.Holds.OnHeld(seen.Add);
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var create = front.Ecs.CreateServiceAsync(request, kill.Token);
        var held = await front.Proxy.Holds.WaitAsync("ecs", "CreateService", Ct);
        var existsMeanwhile = await front.DescribeAsync("web");
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => create);

        Assert.Equal(("ecs", "CreateService", 200), (held.Service, held.Operation, held.Status));
        Assert.Equal([held], seen);
        Assert.Equal("ACTIVE", existsMeanwhile.Status);
        Assert.True(await Eventually.TrueAsync(() => front.Proxy.Holds.Current.Count == 0), "the proxy kept holding an answer for a client that left");
        var stats = front.Proxy.Stats.For("ecs", "CreateService");
        Assert.Equal((1L, 1L, 0L), (stats.Succeeded, stats.Injected[FaultKind.HoldResponse], stats.Faulted));
        var again = await front.Ecs.CreateServiceAsync(request, Ct);
        Assert.Equal(existsMeanwhile.Deployments![0].Id, again.Service!.Deployments![0].Id);
    }

    [Fact]
    public async Task A_held_upstream_answer_reaches_its_client_once_released()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.HoldResponse("ecs", "RegisterTaskDefinition") with { FirstCalls = 1 });
        using var ecs = Aws.MotoAws.Factory(proxy.Endpoint).CreateEcs();
        var family = TestNames.Unique("held");

        var register = ecs.RegisterTaskDefinitionAsync(Aws.EcsSamples.TaskDefinition(family), Ct);
        await proxy.Holds.WaitAsync("ecs", "RegisterTaskDefinition", Ct);
        var listedWhileHeld = await ecs.ListTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = family }, Ct);
        var released = proxy.Holds.Release();
        var registered = await register;

        Assert.Single(listedWhileHeld.TaskDefinitionArns!);
        Assert.Equal(1, released);
        Assert.Equal(listedWhileHeld.TaskDefinitionArns![0], registered.TaskDefinition!.TaskDefinitionArn);
        Assert.Equal(1, proxy.Stats.For("ecs", "RegisterTaskDefinition").Succeeded);
    }

    [Fact]
    public async Task A_first_call_whose_client_left_before_its_answer_does_not_use_up_the_hold()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Delay("ecs", "ListClusters", TimeSpan.FromSeconds(30)) with { FirstCalls = 1 });
        var hold = proxy.Rules.Add(FaultRule.HoldResponse("ecs", "ListClusters") with { FirstCalls = 1 });
        using var ecs = Aws.MotoAws.Factory(proxy.Endpoint).CreateEcs();
        using var killed = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        // A crash test's random kill: the client is gone before the (delayed) answer exists, so nothing is held.
        var first = ecs.ListClustersAsync(new ListClustersRequest(), killed.Token);
        Assert.True(await Eventually.TrueAsync(() => proxy.Actions.Actions.Count > 0), "the first call never reached the proxy");
        await killed.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        // The client knows at once; the proxy only when the hang-up reaches it (its RequestAborted). A second call sent
        // before that would find the hold still claimed by the first (seen once in CI on a loaded machine).
        Assert.True(await Eventually.TrueAsync(() => proxy.Rules.MatchedCalls(hold) == 0), "the proxy kept the hold for a call whose client left");

        var second = ecs.ListClustersAsync(new ListClustersRequest(), Ct);
        var held = await proxy.Holds.WaitAsync("ecs", "ListClusters", Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(1, proxy.Holds.Release());
        await second;
        Assert.Equal(("ecs", "ListClusters"), (held.Service, held.Operation));
    }

    [Fact]
    public async Task Held_answers_are_listed_and_released_over_HTTP()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        using var http = new HttpClient();
        var rules = JsonContent.Create(new[] { FaultRule.HoldResponse("ecs", "ListClusters") }, options: ProxyJson.Options);
        using var posted = await http.PostAsync(new Uri(proxy.Endpoint, "/__proxy/rules"), rules, Ct);

        var call = http.SendAsync(RawAws.Ecs(proxy.Endpoint, "ListClusters", "{}"), Ct);
        await proxy.Holds.WaitAsync("ecs", "List*", Ct);
        using var listed = JsonDocument.Parse(await http.GetStringAsync(new Uri(proxy.Endpoint, "/__proxy/holds"), Ct));
        using var release = await http.PostAsync(new Uri(proxy.Endpoint, "/__proxy/holds/release"), null, Ct);
        using var answer = await call;

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("ListClusters", listed.RootElement[0].GetProperty("operation").GetString());
        Assert.Equal(1, JsonDocument.Parse(await release.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("released").GetInt32());
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task A_dropped_CreateService_answer_counts_as_a_success_and_the_retry_with_the_same_token_gets_the_same_service()
    {
        await using var front = await EcsFrontHarness.StartAsync(moto);
        var request = front.Service("web", await front.RegisterAsync());
        front.Proxy.Rules.Add(FaultRule.DropResponse("ecs", "CreateService") with { FirstCalls = 1 });

        // The operator's client retries a dropped connection (a network error) even with MaxErrorRetry 0.
        var created = (await front.Ecs.CreateServiceAsync(request, Ct)).Service!;

        var stats = front.Proxy.Stats.For("ecs", "CreateService");
        Assert.Equal((2L, 2L, 1L), (stats.Calls, stats.Succeeded, stats.Injected[FaultKind.DropResponse]));
        Assert.Equal(created.Deployments![0].Id, Assert.Single((await front.DescribeAsync("web")).Deployments!).Id);
    }
}

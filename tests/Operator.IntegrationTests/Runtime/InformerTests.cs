using System.Text.Json.Nodes;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Testing;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EcsOperator.IntegrationTests.Runtime;

public sealed class InformerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_410_makes_the_informer_relist_once_and_its_cache_ends_equal_to_the_server()
    {
        await using var kube = await RuntimeKube.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await kube.CreateAsync($"w{i}");
        }

        await using var running = await RunningInformer.StartAsync(kube);
        var events = running.Events;
        Assert.True(await Eventually.TrueAsync(() => kube.Server.Faults.OpenWatches > 0));
        kube.Server.Faults.ExpireWatchHistory();
        await kube.CreateAsync("w5");
        await kube.ResizeAsync("w1", 7);
        await kube.DeleteAsync("w2");

        Assert.True(await Eventually.TrueAsync(async () => running.Informer.ListCount >= 2 && await SameAsServer(running.Informer, kube)));

        // The next change arrives through the resumed watch: one relist, not a relist loop.
        await kube.CreateAsync("w6");
        Assert.True(await Eventually.TrueAsync(() => running.Informer.Cache.Get(new ReconcileRequest(kube.Namespace, "w6")) is not null));
        Assert.Equal(2, running.Informer.ListCount);
        Assert.DoesNotContain(events.Snapshot(), e => e.Type == InformerEventType.Updated && e.Object.Metadata.Name is "w0" or "w3" or "w4");
    }

    [Fact]
    public async Task A_dropped_watch_resumes_where_it_stopped_and_loses_no_update()
    {
        await using var kube = await RuntimeKube.StartAsync();
        await kube.CreateAsync("a");
        await using var running = await RunningInformer.StartAsync(kube);

        for (var round = 0; round < 5; round++)
        {
            Assert.True(await Eventually.TrueAsync(() => kube.Server.Faults.OpenWatches > 0));
            kube.Server.Faults.DropAllWatches();
            await kube.ResizeAsync("a", 10 + round);
            await kube.CreateAsync($"new-{round}");
        }

        Assert.True(await Eventually.TrueAsync(() => SameAsServer(running.Informer, kube)));
        Assert.Equal(14, running.Informer.Cache.Get(new ReconcileRequest(kube.Namespace, "a"))!.Spec.Size);
        Assert.Equal(1, running.Informer.ListCount);
    }

    [Fact]
    public async Task An_all_namespaces_informer_with_a_selector_caches_exactly_its_shard()
    {
        await using var kube = await RuntimeKube.StartAsync();
        var other = TestNames.Unique("rt");
        await kube.Api.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = other } }, cancellationToken: Ct);
        var shardA = new Dictionary<string, string> { ["shard"] = "a" };
        await kube.CreateAsync("mine-1", labels: shardA);
        await kube.CreateAsync("mine-2", labels: shardA, inNamespace: other);
        await kube.CreateAsync("theirs", labels: new Dictionary<string, string> { ["shard"] = "b" });
        await kube.CreateAsync("unlabelled", inNamespace: other);
        var informer = new Informer<Widget>(kube.Client, new ShardScope(null, LabelSelector.Parse("shard=a")), NullLogger<Informer<Widget>>.Instance, []);
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(() => informer.RunAsync(stop.Token), Ct);
        await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        await kube.CreateAsync("mine-3", labels: shardA, inNamespace: other);
        await kube.PatchAsync("theirs", new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["shard"] = "a" } } });

        Assert.True(await Eventually.TrueAsync(() => informer.Cache.Count == 4));
        string[] expected = [$"{kube.Namespace}/mine-1", $"{kube.Namespace}/theirs", $"{other}/mine-2", $"{other}/mine-3"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), informer.Cache.Keys().Select(k => k.ToString()).Order(StringComparer.Ordinal));
        await stop.CancelAsync();
        await loop;
    }

    private static async Task<bool> SameAsServer(Informer<Widget> informer, RuntimeKube kube)
    {
        var server = (await kube.ListAsync()).ToDictionary(w => w.Metadata.Name, w => w.Metadata.ResourceVersion);
        var cached = informer.Cache.List().ToDictionary(w => w.Metadata.Name, w => w.Metadata.ResourceVersion);
        return server.Count == cached.Count && server.All(kv => cached.TryGetValue(kv.Key, out var rv) && rv == kv.Value);
    }

    private sealed class RunningInformer : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        private RunningInformer(Informer<Widget> informer) => Informer = informer;

        public Informer<Widget> Informer { get; }

        public EventLog Events { get; } = new();

        public static async Task<RunningInformer> StartAsync(RuntimeKube kube)
        {
            var informer = new Informer<Widget>(kube.Client, new ShardScope(kube.Namespace, LabelSelector.Everything), NullLogger<Informer<Widget>>.Instance, []);
            var running = new RunningInformer(informer);
            informer.Subscribe(running.Events.Add);
            running._loop = Task.Run(() => informer.RunAsync(running._stop.Token));
            await informer.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
            running.Events.Clear();
            return running;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }
    }

    private sealed class EventLog
    {
        private readonly List<InformerEvent<Widget>> _events = [];

        public void Add(InformerEvent<Widget> e)
        {
            lock (_events)
            {
                _events.Add(e);
            }
        }

        public void Clear()
        {
            lock (_events)
            {
                _events.Clear();
            }
        }

        public IReadOnlyList<InformerEvent<Widget>> Snapshot()
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }
}

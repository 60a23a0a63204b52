using EcsOperator.Testing;
using k8s;
using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>Many writers, several watchers: nobody misses or reorders an event.</summary>
public sealed class WatchFanOutClientTests : IAsyncLifetime
{
    private const int Objects = 1000;
    private const int Watchers = 4;
    private const int Writers = 4;

    private CoreServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await CoreServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Four_watchers_each_see_all_1000_creations_in_resourceVersion_order()
    {
        var ns = await _server.NewNamespaceAsync();
        var from = (await _server.ListWidgetsAsync(ns)).Metadata.ResourceVersion;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromMinutes(3));
        var watchers = Enumerable.Range(0, Watchers).Select(_ => Task.Run(() => CollectAsync(ns, from, bound.Token), bound.Token)).ToList();
        Assert.True(await Eventually.TrueAsync(() => _server.Kube.Faults.OpenWatches >= Watchers), "the watchers never all opened");

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(
            async () =>
            {
                for (var i = w; i < Objects; i += Writers)
                {
                    await _server.CreateWidgetAsync(ns, $"w{i:D4}");
                }
            },
            bound.Token)));
        var seen = await Task.WhenAll(watchers);

        foreach (var events in seen)
        {
            Assert.Equal(Objects, events.Count);
            Assert.All(events, e => Assert.Equal(WatchEventType.Added, e.Type));
            Assert.Equal(Objects, events.Select(e => e.Name).Distinct().Count());
            Assert.True(events.Zip(events.Skip(1)).All(p => p.First.ResourceVersion < p.Second.ResourceVersion), "events out of resourceVersion order");
        }
    }

    private async Task<List<SeenEvent>> CollectAsync(string ns, string from, CancellationToken bound)
    {
        var seen = new List<SeenEvent>();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(bound);
        try
        {
            await foreach (var (type, obj) in _server.Client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                CoreServer.Group, CoreServer.Version, ns, CoreServer.Plural, resourceVersion: from, timeoutSeconds: 300,
                onError: e => throw e, cancellationToken: done.Token))
            {
                seen.Add(SeenEvent.From(type, obj));
                if (seen.Count == Objects)
                {
                    await done.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException) when (seen.Count == Objects)
        {
        }

        return seen;
    }
}

using System.Text.Json.Nodes;
using LocalKube.Registry;
using LocalKube.Selectors;
using LocalKube.Storage;
using LocalKube.Watch;
using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>A watcher that stops reading must not hold writers up: it is cut off with 410 instead.</summary>
public sealed class SlowWatcherCoreTests
{
    [Fact]
    public async Task A_watcher_that_falls_behind_is_ended_with_410_while_writes_carry_on()
    {
        await using var kube = await LocalKubeServer.StartAsync(new LocalKubeOptions { WatcherQueueCapacity = 5 }, TestContext.Current.CancellationToken);
        var configMaps = kube.Registry.Find(string.Empty, "v1", "configmaps")!;
        var filter = new WatchFilter(configMaps.StorageResource, "default", LabelSelector.Everything, FieldSelector.Everything);
        var stalled = kube.Service.Watch(configMaps, filter, kube.Service.Store.ResourceVersion, bookmarks: false, sendInitialEvents: false);

        for (var i = 0; i < 20; i++)
        {
            kube.Service.Create(configMaps, "default", new JsonObject { ["metadata"] = new JsonObject { ["name"] = $"c{i}" } }, WriteOptions.Default);
        }

        var queued = 0;
        while (stalled.Frames.TryRead(out _))
        {
            queued++;
        }

        Assert.Equal(5, queued);
        await Assert.ThrowsAsync<WatchExpiredException>(async () => await stalled.Frames.Completion);
        Assert.Equal(20, kube.Service.List(configMaps, "default", filter, 0, null)["items"]!.AsArray().Count);
    }

    [Fact]
    public void Watch_history_older_than_its_window_is_gone()
    {
        var hub = new WatchHub(historySize: 3, watcherCapacity: 10);
        var store = new ObjectStore(hub);
        var service = new ResourceService(store, new ResourceTypeRegistry(BuiltInTypes.All), TimeProvider.System);
        var filter = new WatchFilter("namespaces", null, LabelSelector.Everything, FieldSelector.Everything);

        for (var i = 0; i < 5; i++)
        {
            service.Create(BuiltInTypes.Namespace, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = $"n{i}" } }, WriteOptions.Default);
        }

        Assert.Throws<WatchExpiredException>(() => service.Watch(BuiltInTypes.Namespace, filter, 1, false, false));
        var recent = service.Watch(BuiltInTypes.Namespace, filter, 2, false, false);
        var replayed = 0;
        while (recent.Frames.TryRead(out _))
        {
            replayed++;
        }

        Assert.Equal(3, replayed);
    }
}

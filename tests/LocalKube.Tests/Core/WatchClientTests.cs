using System.Text.Json;
using EcsOperator.Testing;
using k8s;
using k8s.Autorest;
using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>Watch semantics through KubernetesClient's CustomObjects watch API.</summary>
public sealed class WatchClientTests : IAsyncLifetime
{
    private CoreServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await CoreServer.StartAsync(o => o.BookmarkInterval = TimeSpan.FromMilliseconds(200));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_watch_from_a_resourceVersion_replays_every_later_change_in_order()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns, "a");
        var from = (await _server.ListWidgetsAsync(ns)).Metadata.ResourceVersion;
        await _server.CreateWidgetAsync(ns, "b");
        await _server.MergePatchWidgetAsync(ns, "a", """{"spec":{"size":9}}""");
        await _server.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(CoreServer.Group, CoreServer.Version, ns, CoreServer.Plural, "b", cancellationToken: TestContext.Current.CancellationToken);

        var events = await WatchEventsAsync(ns, from, count: 3);

        Assert.Equal(["Added b", "Modified a", "Deleted b"], events.Select(e => $"{e.Type} {e.Name}"));
        Assert.True(events.Select(e => e.ResourceVersion).SequenceEqual(events.Select(e => e.ResourceVersion).Order()));
    }

    [Fact]
    public async Task A_watch_without_a_resourceVersion_starts_with_the_current_objects()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns, "a");
        await _server.CreateWidgetAsync(ns, "b");

        var events = await WatchEventsAsync(ns, from: null, count: 2);

        Assert.Equal(["Added a", "Added b"], events.Select(e => $"{e.Type} {e.Name}"));
    }

    [Fact]
    public async Task A_watch_from_an_expired_resourceVersion_gets_410_and_a_relist_recovers()
    {
        var ns = await _server.NewNamespaceAsync();
        var from = (await _server.ListWidgetsAsync(ns)).Metadata.ResourceVersion;
        await _server.CreateWidgetAsync(ns, "a");
        _server.Kube.Faults.ExpireWatchHistory();

        var errors = new List<Exception>();
        await foreach (var _ in Watch(ns, from, errors.Add, cancellationToken: TestContext.Current.CancellationToken))
        {
        }

        var gone = Assert.IsType<KubernetesException>(Assert.Single(errors));
        Assert.Equal(410, gone.Status.Code);
        Assert.Equal("Expired", gone.Status.Reason);

        var relisted = await _server.ListWidgetsAsync(ns);
        Assert.Equal("a", Assert.Single(relisted.Items).Metadata.Name);
        var afterRelist = WatchEventsAsync(ns, relisted.Metadata.ResourceVersion, count: 1);
        await _server.CreateWidgetAsync(ns, "b");
        Assert.Equal("Added b", (await afterRelist).Select(e => $"{e.Type} {e.Name}").Single());
    }

    [Fact]
    public async Task Bookmarks_arrive_when_the_client_allows_them()
    {
        var ns = await _server.NewNamespaceAsync();
        var created = await _server.CreateWidgetAsync(ns, "a");

        var events = await WatchEventsAsync(ns, created.Metadata.ResourceVersion, count: 1, bookmarks: true);

        var bookmark = Assert.Single(events);
        Assert.Equal(WatchEventType.Bookmark, bookmark.Type);
        Assert.True(bookmark.ResourceVersion >= long.Parse(created.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task A_watch_ends_by_itself_after_timeoutSeconds()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns, "a");
        var events = new List<WatchEventType>();

        // Without a resourceVersion the watch starts with the current object, so the client's first line arrives.
        await foreach (var (type, _) in Watch(ns, null, e => throw e, TestContext.Current.CancellationToken, timeoutSeconds: 1))
        {
            events.Add(type);
        }

        Assert.Equal([WatchEventType.Added], events);
    }

    [Fact]
    public async Task An_idle_watch_stream_ends_after_timeoutSeconds_with_no_events()
    {
        var ns = await _server.NewNamespaceAsync();
        var from = (await _server.ListWidgetsAsync(ns)).Metadata.ResourceVersion;

        var body = await _server.Http.GetStringAsync(
            new Uri($"/apis/{CoreServer.Group}/{CoreServer.Version}/namespaces/{ns}/{CoreServer.Plural}?watch=true&timeoutSeconds=1&resourceVersion={from}", UriKind.Relative),
            TestContext.Current.CancellationToken);

        Assert.Equal(string.Empty, body);
    }

    [Fact]
    public async Task A_label_selected_watch_sees_an_object_that_stops_matching_as_deleted()
    {
        var ns = await _server.NewNamespaceAsync();
        var created = await _server.CreateWidgetAsync(ns, "a", labels: new Dictionary<string, string> { ["tier"] = "web" });
        var watching = WatchEventsAsync(ns, created.Metadata.ResourceVersion, count: 1, labelSelector: "tier=web");

        await _server.MergePatchWidgetAsync(ns, "a", """{"metadata":{"labels":{"tier":"db"}}}""");

        Assert.Equal("Deleted a", (await watching).Select(e => $"{e.Type} {e.Name}").Single());
    }

    [Fact]
    public async Task Dropping_all_watches_ends_open_streams_cleanly()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns, "a");
        var errors = new List<Exception>();
        var watching = Task.Run(async () =>
        {
            await foreach (var _ in Watch(ns, null, errors.Add, cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        }, TestContext.Current.CancellationToken);
        Assert.True(await Eventually.TrueAsync(() => _server.Kube.Faults.OpenWatches > 0), "the watch never opened");

        await _server.PostFaultAsync("/localkube/faults/drop-watches");
        await watching.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Empty(errors);
    }

    internal IAsyncEnumerable<(WatchEventType Type, object Object)> Watch(
        string ns, string? from, Action<Exception> onError, CancellationToken cancellationToken, bool bookmarks = false, string? labelSelector = null, int timeoutSeconds = 30) =>
        _server.Client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            CoreServer.Group, CoreServer.Version, ns, CoreServer.Plural, allowWatchBookmarks: bookmarks, labelSelector: labelSelector,
            resourceVersion: from, timeoutSeconds: timeoutSeconds, onError: onError,
            cancellationToken: cancellationToken);

    private async Task<List<SeenEvent>> WatchEventsAsync(string ns, string? from, int count, bool bookmarks = false, string? labelSelector = null)
    {
        var seen = new List<SeenEvent>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        try
        {
            await foreach (var (type, obj) in Watch(ns, from, e => throw e, cts.Token, bookmarks, labelSelector))
            {
                seen.Add(SeenEvent.From(type, obj));
                if (seen.Count == count)
                {
                    await cts.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException) when (seen.Count == count)
        {
        }

        return seen;
    }
}

/// <summary>The parts of a watch event the tests check.</summary>
internal sealed record SeenEvent(WatchEventType Type, string? Name, long ResourceVersion)
{
    public static SeenEvent From(WatchEventType type, object obj)
    {
        var json = obj is JsonElement e ? e : JsonSerializer.SerializeToElement(obj);
        var metadata = json.GetProperty("metadata");
        var name = metadata.TryGetProperty("name", out var n) ? n.GetString() : null;
        return new SeenEvent(type, name, long.Parse(metadata.GetProperty("resourceVersion").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }
}

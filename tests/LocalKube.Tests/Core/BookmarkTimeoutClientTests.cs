using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>A quiet watch that allows bookmarks still gets one before it times out, so the client can resume.</summary>
public sealed class BookmarkTimeoutClientTests : IAsyncLifetime
{
    private CoreServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await CoreServer.StartAsync(o => o.BookmarkInterval = TimeSpan.FromMinutes(5));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task An_idle_watch_with_bookmarks_gets_one_bookmark_before_timing_out()
    {
        var ns = await _server.NewNamespaceAsync();
        var from = (await _server.ListWidgetsAsync(ns)).Metadata.ResourceVersion;

        var body = await _server.Http.GetStringAsync(
            new Uri($"/apis/{CoreServer.Group}/{CoreServer.Version}/namespaces/{ns}/{CoreServer.Plural}?watch=true&allowWatchBookmarks=true&timeoutSeconds=2&resourceVersion={from}", UriKind.Relative),
            TestContext.Current.CancellationToken);

        var line = Assert.Single(body.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("{\"type\":\"BOOKMARK\"", line, StringComparison.Ordinal);
        Assert.Contains($"\"resourceVersion\":\"{from}\"", line, StringComparison.Ordinal);
    }
}

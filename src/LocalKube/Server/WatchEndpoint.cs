using System.Text.Json.Nodes;
using System.Threading.Channels;
using LocalKube.Extensibility;
using LocalKube.Serialization;
using LocalKube.Storage;
using LocalKube.Watch;
using Microsoft.AspNetCore.Http;

namespace LocalKube.Server;

/// <summary>
/// Serves <c>?watch=true</c>: a chunked stream of newline-delimited events. Ends on timeoutSeconds (or the server's
/// default), on client disconnect, when a fault drops watches, or with a 410 ERROR event when history is gone.
/// </summary>
public sealed class WatchEndpoint(ResourceService service, ResponseWriter writer, LocalKubeOptions options)
{
    public async Task ServeAsync(HttpContext context, ApiPath path, RequestQuery query)
    {
        var filter = ResourceEndpoints.Filter(path, query);
        var fromRv = Meta.ParseResourceVersion(query.Get("resourceVersion"));
        context.Response.StatusCode = 200;
        context.Response.ContentType = ResponseWriter.Json;
        WatchSubscription sub;
        try
        {
            sub = service.Watch(path.Type, filter, fromRv, query.Flag("allowWatchBookmarks"), query.Flag("sendInitialEvents"));
        }
        catch (WatchExpiredException e)
        {
            await WriteLineAsync(context, WatchFrame.Error(Statuses.Gone(e.Message).Status).ToLine());
            return;
        }

        var timeout = query.Int("timeoutSeconds") is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : options.DefaultWatchTimeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        cts.CancelAfter(timeout);
        var bookmarks = sub.WantsBookmarks ? SendBookmarksAsync(sub, timeout, cts.Token) : Task.CompletedTask;
        try
        {
            await context.Response.StartAsync(cts.Token);
            await context.Response.Body.FlushAsync(cts.Token);
            await PumpAsync(context, path, query, sub, cts.Token);
        }
        catch (OperationCanceledException)
        {
            // Timeout or client gone: the stream just ends, as kube-apiserver's does.
        }
        finally
        {
            service.EndWatch(sub);
            await cts.CancelAsync();
            await bookmarks;
        }
    }

    private async Task PumpAsync(HttpContext context, ApiPath path, RequestQuery query, WatchSubscription sub, CancellationToken token)
    {
        var table = ResponseWriter.TableVersion(context.Request.Headers.Accept.ToString()) is { } v && writer.TableRenderer is { } r ? (r, v) : default;
        try
        {
            while (await sub.Frames.WaitToReadAsync(token))
            {
                var batch = new System.Text.StringBuilder();
                while (batch.Length < 1 << 16 && sub.Frames.TryRead(out var frame))
                {
                    batch.Append(table.r is null ? frame.ToLine() : AsTable(frame, path, query, table.r, table.v).ToLine());
                }

                await WriteLineAsync(context, batch.ToString(), token);
            }
        }
        catch (Exception e) when (e is WatchExpiredException || e.InnerException is WatchExpiredException)
        {
            var message = (e as WatchExpiredException ?? (WatchExpiredException)e.InnerException!).Message;
            await WriteLineAsync(context, WatchFrame.Error(Statuses.Gone(message).Status).ToLine(), token);
        }
        catch (ChannelClosedException)
        {
            // Dropped by a fault: end the stream cleanly.
        }
    }

    private static WatchFrame AsTable(WatchFrame frame, ApiPath path, RequestQuery query, ITableRenderer renderer, string version)
    {
        if (frame.Type is "BOOKMARK" or "ERROR")
        {
            return frame;
        }

        var table = renderer.Render(new TableRequest
        {
            Type = path.Type,
            Object = (JsonObject)JsonLimits.Parse(frame.ObjectJson)!,
            ApiVersion = $"meta.k8s.io/{version}",
            IncludeObject = query.Get("includeObject") ?? "Metadata",
            ForWatch = true,
        });
        return new WatchFrame(frame.Type, JsonLimits.Write(table));
    }

    /// <summary>
    /// Bookmarks every BookmarkInterval, and one shortly (at most a second) before the watch times out (as kube-apiserver's watch cache
    /// does), so that a client can resume from an up-to-date resourceVersion even when nothing changed.
    /// </summary>
    private async Task SendBookmarksAsync(WatchSubscription sub, TimeSpan timeout, CancellationToken token)
    {
        var finalBookmark = DateTimeOffset.UtcNow + timeout - TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, timeout.Ticks / 2));
        try
        {
            var final = false;
            while (!final)
            {
                var untilFinal = finalBookmark - DateTimeOffset.UtcNow;
                final = untilFinal < options.BookmarkInterval;
                await Task.Delay(final ? TimeSpan.FromTicks(Math.Max(0, untilFinal.Ticks)) : options.BookmarkInterval, token);
                service.Bookmark(sub);
            }
        }
        catch (OperationCanceledException)
        {
            // The watch ended.
        }
    }

    private static async Task WriteLineAsync(HttpContext context, string text, CancellationToken token = default)
    {
        await context.Response.WriteAsync(text, token);
        await context.Response.Body.FlushAsync(token);
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using LocalKube.Server;
using Microsoft.AspNetCore.Http;

namespace LocalKube.Faults;

/// <summary>
/// The HTTP face of <see cref="LocalKubeFaults"/>, for tests in other processes:
/// POST /localkube/faults/expire-watch-history, /drop-watches, /fail-writes?count=N&amp;code=409|500[&amp;subresource=status],
/// /error-rate?percent=N&amp;seed=S, /latency?ms=N, /reset; GET /localkube/faults shows the state.
/// </summary>
public static class FaultEndpoints
{
    public const string Prefix = "/localkube/";

    public static async Task HandleAsync(HttpContext context, LocalKubeFaults faults)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var query = context.Request.Query;
        var action = path[Prefix.Length..].Trim('/');
        if (action == "faults" && HttpMethods.IsGet(context.Request.Method))
        {
            await ResponseWriter.WriteAsync(context, 200, State(faults));
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await ResponseWriter.WriteStatusAsync(context, Statuses.MethodNotAllowed(context.Request.Method));
            return;
        }

        switch (action)
        {
            case "faults/expire-watch-history":
                faults.ExpireWatchHistory();
                break;
            case "faults/drop-watches":
                faults.DropAllWatches();
                break;
            case "faults/fail-writes":
                faults.FailNextWrites(Number(query["count"], 1), Number(query["code"], 500), query["subresource"] == "status");
                break;
            case "faults/error-rate":
                faults.FailRandomRequests(Number(query["percent"], 0) / 100.0, Number(query["seed"], 0));
                break;
            case "faults/latency":
                faults.Latency = TimeSpan.FromMilliseconds(Number(query["ms"], 0));
                break;
            case "faults/reset":
                faults.Reset();
                break;
            default:
                await ResponseWriter.WriteStatusAsync(context, Statuses.NotFoundPath(path));
                return;
        }

        await ResponseWriter.WriteAsync(context, 200, State(faults));
    }

    private static int Number(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static JsonObject State(LocalKubeFaults faults) => new()
    {
        ["latencyMilliseconds"] = faults.Latency.TotalMilliseconds,
        ["openWatches"] = faults.OpenWatches,
    };
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AwsFaultProxy;

/// <summary>
/// The proxy's own HTTP API under <c>/__proxy/</c>, for out-of-process use: stats, journal, reset, rules and held answers.
/// No AWS API path starts with it.
/// </summary>
internal sealed class ControlEndpoints(FaultRules rules, ProxyStats stats, ResponseHolds holds, ILogger logger)
{
    public const string Prefix = "/__proxy";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value![Prefix.Length..].TrimEnd('/');
        var ct = context.RequestAborted;
        switch (request.Method, path)
        {
            case ("GET", "/stats"):
                await context.Response.WriteAsJsonAsync(stats.Snapshot(), ProxyJson.Options, ct);
                break;
            case ("GET", "/journal"):
                await context.Response.WriteAsJsonAsync(stats.Journal(), ProxyJson.Options, ct);
                break;
            case ("POST", "/reset"):
                stats.Reset();
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            case ("GET", "/rules"):
                await context.Response.WriteAsJsonAsync(rules.Current, ProxyJson.Options, ct);
                break;
            case ("POST", "/rules"):
                await ReplaceRulesAsync(context, append: request.Query["append"] == "true");
                break;
            case ("DELETE", "/rules"):
                rules.Clear();
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            case ("GET", "/holds"):
                await context.Response.WriteAsJsonAsync(holds.Current, ProxyJson.Options, ct);
                break;
            case ("POST", "/holds/release"):
                await context.Response.WriteAsJsonAsync(new { released = holds.Release() }, ProxyJson.Options, ct);
                break;
            case ("GET", "/health"):
                await context.Response.WriteAsync("ok", ct);
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsync($"unknown proxy endpoint {request.Method} {request.Path}", ct);
                break;
        }
    }

    private async Task ReplaceRulesAsync(HttpContext context, bool append)
    {
        List<FaultRule> parsed;
        try
        {
            parsed = await JsonSerializer.DeserializeAsync<List<FaultRule>>(context.Request.Body, ProxyJson.Options, context.RequestAborted) ?? [];
            parsed.ForEach(r => r.Validate());
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"bad rules: {e.Message}", context.RequestAborted);
            return;
        }

        if (append)
        {
            parsed.ForEach(r => rules.Add(r));
        }
        else
        {
            rules.Replace(parsed);
        }

        Log.RulesReplaced(logger, parsed.Count);
        await context.Response.WriteAsJsonAsync(rules.Current, ProxyJson.Options, context.RequestAborted);
    }
}

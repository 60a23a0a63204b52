using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;

namespace EcsOperator.Runtime.Metrics;

/// <summary>The routes of the two listeners: /metrics (Prometheus text format), /healthz and /readyz.</summary>
public static class ProbeEndpoints
{
    /// <summary>/metrics; every scrape is checked by <paramref name="access"/> first when it is given (--metrics-secure).</summary>
    public static void MapMetrics(IEndpointRouteBuilder routes, CollectorRegistry registry, MetricsAccess? access = null)
    {
        routes.MapGet("/metrics", async (HttpContext context) =>
        {
            if (access is not null && await access.CheckAsync(context) is { } refusal)
            {
                context.Response.StatusCode = refusal.Code;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(refusal.Message, context.RequestAborted);
                return;
            }

            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
        });
    }

    /// <summary>/healthz: the process answers. /readyz: 200 once every informer's cache has synced and while the API answers, else 503.</summary>
    public static void MapHealth(IEndpointRouteBuilder routes, Func<bool> ready)
    {
        routes.MapGet("/healthz", () => Results.Text("ok"));
        routes.MapGet("/readyz", () => ready() ? Results.Text("ok") : Results.Text("caches not synced or API server unreachable", statusCode: StatusCodes.Status503ServiceUnavailable));
    }
}

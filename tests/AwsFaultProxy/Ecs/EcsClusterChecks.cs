using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AwsFaultProxy.Ecs;

/// <summary>An ACTIVE cluster read from the upstream, with the region and account of its ARN.</summary>
internal sealed record EcsCluster(string Arn, string Name, string Region, string Account, JsonArray? DefaultCapacityProviderStrategy);

/// <summary>
/// Cluster reads and the checks moto skips: a service's cluster must exist and be ACTIVE; DeleteCluster is refused
/// while services are ACTIVE or DRAINING; DescribeClusters takes at most 100 names and reports the front's
/// service and task counts.
/// </summary>
internal sealed class EcsClusterChecks(EcsServiceStore store, EcsUpstreamReader upstream, UpstreamForwarder forwarder)
{
    public const int MaxDescribedClusters = 100;

    /// <summary>The request's <c>cluster</c> (default <c>default</c>); ClusterNotFoundException unless it is ACTIVE.</summary>
    public async Task<EcsCluster> ResolveAsync(HttpRequest client, JsonObject request, CancellationToken ct)
    {
        var name = request.Text("cluster") ?? "default";
        var cluster = await upstream.DescribeClusterAsync(client, name, ct);
        if (cluster is null || cluster.Text("status") != "ACTIVE" || cluster.Text("clusterArn") is not { } arn)
        {
            throw EcsApiException.ClusterNotFound();
        }

        var parts = arn.Split(':');
        return new EcsCluster(arn, arn[(arn.LastIndexOf('/') + 1)..], parts[3], parts[4], cluster["defaultCapacityProviderStrategy"] as JsonArray);
    }

    public async Task<HttpResponseMessage> DeleteClusterAsync(HttpContext context, JsonObject request, byte[] body, CancellationToken ct)
    {
        var cluster = await upstream.DescribeClusterAsync(context.Request, request.Text("cluster") ?? "default", ct);
        if (cluster?.Text("clusterArn") is { } arn)
        {
            lock (store.Gate)
            {
                if (store.InCluster(arn).Any(s => s.IsActiveOrDraining))
                {
                    throw new EcsApiException("ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.");
                }
            }
        }

        return await forwarder.SendAsync(context, body, ct);
    }

    public async Task<HttpResponseMessage> DescribeClustersAsync(HttpContext context, JsonObject request, byte[] body, CancellationToken ct)
    {
        if (request["clusters"] is JsonArray { Count: > MaxDescribedClusters })
        {
            throw EcsApiException.InvalidParameter($"clusters can have at most {MaxDescribedClusters} items.");
        }

        var response = await forwarder.SendAsync(context, body, ct);
        if (response.StatusCode != HttpStatusCode.OK || JsonNode.Parse(await response.Content.ReadAsByteArrayAsync(ct)) is not JsonObject answer)
        {
            return response;
        }

        response.Dispose();
        foreach (var cluster in (answer["clusters"] as JsonArray ?? []).OfType<JsonObject>())
        {
            CountServices(cluster);
        }

        return EcsAnswers.Ok(answer);
    }

    /// <summary>moto never sees a service: the counts come from the front.</summary>
    private void CountServices(JsonObject cluster)
    {
        if (cluster.Text("clusterArn") is not { } arn)
        {
            return;
        }

        lock (store.Gate)
        {
            var services = store.InCluster(arn);
            cluster["activeServicesCount"] = services.Count(s => s.Status == "ACTIVE");
            cluster["runningTasksCount"] = services.Sum(s => s.Deployments.Sum(d => d.RunningCount));
            cluster["pendingTasksCount"] = services.Sum(s => s.Deployments.Sum(d => d.PendingCount));
        }
    }
}

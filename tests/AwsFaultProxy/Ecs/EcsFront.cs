using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AwsFaultProxy.Ecs;

/// <summary>
/// The ECS services front (<c>--ecs-scheduler</c>): answers the service operations from its own state as ECS
/// does, checks DeleteCluster and DescribeClusters, and leaves every other call to the upstream.
/// </summary>
internal sealed class EcsFront
{
    private static readonly HashSet<string> ServiceOperations = new(StringComparer.Ordinal)
    {
        "CreateService", "DescribeServices", "ListServices", "UpdateService", "DeleteService",
        "DeleteCluster", "DescribeClusters", "TagResource", "UntagResource", "ListTagsForResource",
    };

    private readonly EcsServiceStore _store;
    private readonly EcsClusterChecks _clusters;
    private readonly EcsServiceOperations _services;
    private readonly EcsServiceQueries _queries;

    public EcsFront(UpstreamForwarder forwarder, TimeProvider time, TimeSpan schedulerDelay)
    {
        _store = new EcsServiceStore(time, new EcsScheduler(schedulerDelay));
        var upstream = new EcsUpstreamReader(forwarder);
        _clusters = new EcsClusterChecks(_store, upstream, forwarder);
        _services = new EcsServiceOperations(_store, upstream, _clusters);
        _queries = new EcsServiceQueries(_store, _clusters);
    }

    /// <summary>True for the calls the front answers itself; tag calls only when their ARN is a service's.</summary>
    public static bool Handles(AwsOperation operation, byte[] body)
    {
        if (operation.Service != AwsServices.Ecs || operation.Protocol != AwsProtocol.AwsJson || !ServiceOperations.Contains(operation.Operation))
        {
            return false;
        }

        return operation.Operation is not ("TagResource" or "UntagResource" or "ListTagsForResource")
            || (Parse(body)?.Text("resourceArn") ?? string.Empty).Contains(":service/", StringComparison.Ordinal);
    }

    /// <summary>The answer to one call that <see cref="Handles"/> accepted: ECS's JSON, or ECS's error.</summary>
    public async Task<HttpResponseMessage> AnswerAsync(HttpContext context, AwsOperation operation, byte[] body, CancellationToken ct)
    {
        var request = Parse(body) ?? [];
        try
        {
            return operation.Operation switch
            {
                "CreateService" => EcsAnswers.Ok(await _services.CreateAsync(context.Request, request, ct)),
                "UpdateService" => EcsAnswers.Ok(await _services.UpdateAsync(context.Request, request, ct)),
                "DeleteService" => EcsAnswers.Ok(await _services.DeleteAsync(context.Request, request, ct)),
                "DescribeServices" => EcsAnswers.Ok(await _queries.DescribeAsync(context.Request, request, ct)),
                "ListServices" => EcsAnswers.Ok(await _queries.ListAsync(context.Request, request, ct)),
                "TagResource" => EcsAnswers.Ok(_queries.Tag(request)),
                "UntagResource" => EcsAnswers.Ok(_queries.Untag(request)),
                "ListTagsForResource" => EcsAnswers.Ok(_queries.ListTags(request)),
                "DeleteCluster" => await _clusters.DeleteClusterAsync(context, request, body, ct),
                _ => await _clusters.DescribeClustersAsync(context, request, body, ct),
            };
        }
        catch (EcsApiException error)
        {
            return EcsAnswers.Error(error);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // A member of the wrong JSON type (a number where a string belongs...), as ECS's deserializer refuses it.
            return EcsAnswers.Error(new EcsApiException("SerializationException", $"{operation.Operation}: {e.Message}"));
        }
    }

    private static JsonObject? Parse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? [] : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

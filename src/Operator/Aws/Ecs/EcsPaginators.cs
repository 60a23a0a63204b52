using EcsOperator.Aws.Core;
using EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Aws.Ecs;

/// <summary>Every item of ECS's paged lists (the official SDK's <c>Paginators</c>, as extension methods).</summary>
public static class EcsPaginators
{
    /// <summary>All service ARNs of a cluster. The request is reused with each page's nextToken.</summary>
    public static IAsyncEnumerable<string> ListAllServiceArnsAsync(this IEcsApi ecs, ListServicesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        ArgumentNullException.ThrowIfNull(request);
        return AwsPaging.AllAsync(
            (token, ct) =>
            {
                request.NextToken = token;
                return ecs.ListServicesAsync(request, ct);
            },
            r => r.ServiceArns,
            r => r.NextToken,
            cancellationToken);
    }

    /// <summary>All task definition ARNs matching the request (family prefix, status, sort).</summary>
    public static IAsyncEnumerable<string> ListAllTaskDefinitionArnsAsync(this IEcsApi ecs, ListTaskDefinitionsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        ArgumentNullException.ThrowIfNull(request);
        return AwsPaging.AllAsync(
            (token, ct) =>
            {
                request.NextToken = token;
                return ecs.ListTaskDefinitionsAsync(request, ct);
            },
            r => r.TaskDefinitionArns,
            r => r.NextToken,
            cancellationToken);
    }
}

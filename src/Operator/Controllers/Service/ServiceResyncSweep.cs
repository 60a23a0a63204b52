using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using Microsoft.Extensions.Logging;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Service;

/// <summary>
/// The Service resync: the cached Services grouped by ECS cluster, each cluster's services read with DescribeServices
/// in pages of 10 (its limit) with their tags, so a resync costs Σ over clusters of ceil(S_c/10) reads, not S.
/// </summary>
public sealed class ServiceResyncSweep(
    IServiceProvider provider,
    IResourceCache<V1alpha1Service> services,
    IResourceCache<V1alpha1Cluster> clusters,
    PrefetchedObservations<V1alpha1Service> prefetched,
    ILogger<ServiceResyncSweep> logger)
    : BatchedResyncSweep<V1alpha1Service, Ecs.Service>(services, prefetched, logger)
{
    public const int DescribeServicesLimit = 10;

    private static readonly List<string> IncludeTags = ["TAGS"];

    protected override int PageSize => DescribeServicesLimit;

    /// <summary>The cluster the service runs in (status), else the one its reference resolves to now; by name, so one cluster is one group.</summary>
    protected override SweepTarget? TargetOf(V1alpha1Service obj)
    {
        var cluster = obj.Status.ClusterArn ?? (obj.Spec.ClusterRef is { } reference
            ? clusters.Get(new ReconcileRequest(obj.Metadata.NamespaceProperty ?? string.Empty, reference.Name))?.Status.Arn
            : obj.Spec.Cluster);
        return cluster is null ? null : new SweepTarget(ServiceReferences.ClusterName(cluster), ServiceReconciler.NameOf(obj));
    }

    /// <summary>ACTIVE and DRAINING services; an INACTIVE one means "create again", which the reconcile confirms itself.</summary>
    protected override async Task<IReadOnlyDictionary<string, Ecs.Service>> ReadPageAsync(string group, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var response = await EcsApi(provider).DescribeServicesAsync(new Ecs.DescribeServicesRequest { Cluster = group, Services = [.. names], Include = IncludeTags }, cancellationToken);
        return (response.Services ?? [])
            .Where(s => s.ServiceName is not null && s.Status != "INACTIVE")
            .DistinctBy(s => s.ServiceName)
            .ToDictionary(s => s.ServiceName!, StringComparer.Ordinal);
    }
}

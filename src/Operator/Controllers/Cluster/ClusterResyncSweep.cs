using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using Microsoft.Extensions.Logging;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Cluster;

/// <summary>The Cluster resync: every cached Cluster read with DescribeClusters in pages of 100 (its limit), ceil(C/100) reads.</summary>
public sealed class ClusterResyncSweep(
    IServiceProvider provider,
    IResourceCache<V1alpha1Cluster> clusters,
    PrefetchedObservations<V1alpha1Cluster> prefetched,
    ILogger<ClusterResyncSweep> logger)
    : BatchedResyncSweep<V1alpha1Cluster, Ecs.Cluster>(clusters, prefetched, logger)
{
    public const int DescribeClustersLimit = 100;

    /// <summary>One account and region: all clusters are one group.</summary>
    private const string Account = "";

    protected override int PageSize => DescribeClustersLimit;

    protected override SweepTarget? TargetOf(V1alpha1Cluster obj) => new(Account, ClusterReconciler.NameOf(obj));

    /// <summary>What <see cref="ClusterManager.DescribeAsync"/> reads, a page at a time: INACTIVE ones are absent.</summary>
    protected override async Task<IReadOnlyDictionary<string, Ecs.Cluster>> ReadPageAsync(string group, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var response = await EcsApi(provider).DescribeClustersAsync(new Ecs.DescribeClustersRequest { Clusters = [.. names], Include = ClusterManager.DescribeIncludes }, cancellationToken);
        return (response.Clusters ?? [])
            .Where(c => c.ClusterName is not null && c.Status != "INACTIVE")
            .DistinctBy(c => c.ClusterName)
            .ToDictionary(c => c.ClusterName!, StringComparer.Ordinal);
    }
}

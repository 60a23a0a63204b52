using EcsOperator.Aws.Core;
using EcsOperator.Aws.Ecs;
using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Controllers.TaskDefinition;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Gc;

/// <summary>
/// Every ECS cluster, service and task definition revision of the account and region, with its tags: List* then
/// Describe* with include TAGS, at each API's batch size. The Resource Groups Tagging API would be one call, but the
/// operator has no client for it and does not need one: these reads are the ones the controllers already use.
/// </summary>
public sealed class EcsInventory(IEcsApi ecs)
{
    private const int ClustersPerDescribe = 100;
    private const int ServicesPerDescribe = 10;
    private static readonly List<string> IncludeTags = ["TAGS"];

    public async Task<IReadOnlyList<GcResource>> ReadAsync(CancellationToken cancellationToken)
    {
        var clusters = await ClustersAsync(cancellationToken);
        var resources = new List<GcResource>(clusters);
        foreach (var cluster in clusters)
        {
            resources.AddRange(await ServicesAsync(cluster.Arn, cancellationToken));
        }

        resources.AddRange(await RevisionsAsync(cancellationToken));
        return resources;
    }

    private async Task<List<GcResource>> ClustersAsync(CancellationToken cancellationToken)
    {
        var arns = await ToListAsync(AwsPaging.AllAsync(
            (token, ct) => ecs.ListClustersAsync(new Ecs.ListClustersRequest { NextToken = token }, ct), r => r.ClusterArns, r => r.NextToken, cancellationToken));
        var clusters = new List<GcResource>();
        foreach (var batch in arns.Chunk(ClustersPerDescribe))
        {
            var described = await ecs.DescribeClustersAsync(new Ecs.DescribeClustersRequest { Clusters = [.. batch], Include = IncludeTags }, cancellationToken);
            clusters.AddRange((described.Clusters ?? [])
                .Where(c => c.ClusterArn is not null && c.Status != "INACTIVE")
                .Select(c => new GcResource(GcKind.EcsCluster, c.ClusterArn!, AwsTags.ToDictionary(c.Tags), Status: c.Status)));
        }

        return clusters;
    }

    private async Task<List<GcResource>> ServicesAsync(string clusterArn, CancellationToken cancellationToken)
    {
        var arns = await ToListAsync(ecs.ListAllServiceArnsAsync(new Ecs.ListServicesRequest { Cluster = clusterArn }, cancellationToken));
        var services = new List<GcResource>();
        foreach (var batch in arns.Chunk(ServicesPerDescribe))
        {
            var described = await ecs.DescribeServicesAsync(new Ecs.DescribeServicesRequest { Cluster = clusterArn, Services = [.. batch], Include = IncludeTags }, cancellationToken);
            services.AddRange((described.Services ?? [])
                .Where(s => s.ServiceArn is not null && s.Status != "INACTIVE")
                .Select(s => new GcResource(GcKind.EcsService, s.ServiceArn!, AwsTags.ToDictionary(s.Tags), clusterArn, s.Status)
                {
                    NeedsScaleDown = ServiceManager.NeedsScaleDown(s),
                }));
        }

        return services;
    }

    /// <summary>ACTIVE and INACTIVE revisions of every family: an INACTIVE one still exists until DeleteTaskDefinitions.</summary>
    private async Task<List<GcResource>> RevisionsAsync(CancellationToken cancellationToken)
    {
        var families = await ToListAsync(AwsPaging.AllAsync(
            (token, ct) => ecs.ListTaskDefinitionFamiliesAsync(new Ecs.ListTaskDefinitionFamiliesRequest { Status = "ALL", NextToken = token }, ct), r => r.Families, r => r.NextToken, cancellationToken));
        var revisions = new List<GcResource>();
        foreach (var family in families.Distinct(StringComparer.Ordinal))
        {
            foreach (var status in (string[])["ACTIVE", "INACTIVE"])
            {
                var arns = await ToListAsync(ecs.ListAllTaskDefinitionArnsAsync(new Ecs.ListTaskDefinitionsRequest { FamilyPrefix = family, Status = status }, cancellationToken));
                foreach (var arn in arns.Where(a => TaskDefinitionManager.FamilyOf(a) == family))
                {
                    var described = await ecs.DescribeTaskDefinitionAsync(new Ecs.DescribeTaskDefinitionRequest { TaskDefinition = arn, Include = IncludeTags }, cancellationToken);
                    revisions.Add(new GcResource(GcKind.TaskDefinitionRevision, arn, AwsTags.ToDictionary(described.Tags), Status: described.TaskDefinition?.Status ?? status));
                }
            }
        }

        return revisions;
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

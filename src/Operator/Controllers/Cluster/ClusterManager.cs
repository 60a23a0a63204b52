using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Cluster;

/// <summary>Reads, creates, updates and deletes one ECS cluster. Every mutation is also an Event on the object.</summary>
public sealed class ClusterManager(IEcsApi ecs, StatusReporter<V1alpha1Cluster> status)
{
    /// <summary>What every read of a cluster includes (the resync sweep's batch reads too), so that the Delta sees every field.</summary>
    internal static readonly List<string> DescribeIncludes = ["TAGS", "SETTINGS", "CONFIGURATIONS"];

    /// <summary>The cluster by name, or null when ECS has none (or only an INACTIVE one, which a create replaces).</summary>
    public async Task<Ecs.Cluster?> DescribeAsync(string name, CancellationToken cancellationToken)
    {
        var response = await ecs.DescribeClustersAsync(new Ecs.DescribeClustersRequest { Clusters = [name], Include = DescribeIncludes }, cancellationToken);
        return response.Clusters?.FirstOrDefault(c => c.ClusterName == name && c.Status != "INACTIVE");
    }

    /// <summary>CreateCluster is idempotent by name: a repeat after a crash returns the same cluster.</summary>
    public async Task<Ecs.Cluster> CreateAsync(V1alpha1Cluster obj, Ecs.CreateClusterRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await ecs.CreateClusterAsync(request, cancellationToken);
        await status.MutatedAsync(obj, "ClusterCreated", "CreateCluster", $"Created ECS cluster {request.ClusterName}", cancellationToken);
        return response.Cluster ?? throw new InvalidOperationException($"CreateCluster returned no cluster for {request.ClusterName}");
    }

    /// <summary>Takes over an unowned cluster by tagging it as this object's.</summary>
    public async Task AdoptAsync(V1alpha1Cluster obj, Ecs.Cluster cluster, OwnershipTags ownership, CancellationToken cancellationToken)
    {
        await ecs.TagResourceAsync(new Ecs.TagResourceRequest { ResourceArn = cluster.ClusterArn, Tags = AwsTags.ToList(ownership.ToTags()) }, cancellationToken);
        await status.MutatedAsync(obj, "ClusterAdopted", "TagResource", $"Adopted existing ECS cluster {cluster.ClusterName}", cancellationToken);
    }

    /// <summary>Makes only the calls the delta asks for.</summary>
    public async Task ApplyAsync(V1alpha1Cluster obj, Ecs.Cluster cluster, ClusterDelta delta, CancellationToken cancellationToken)
    {
        var name = cluster.ClusterName!;
        if (delta.NeedsUpdateCluster)
        {
            await ecs.UpdateClusterAsync(new Ecs.UpdateClusterRequest
            {
                Cluster = name,
                Settings = delta.Settings.Count > 0 ? [.. delta.Settings] : null,
                Configuration = delta.Configuration,
                ServiceConnectDefaults = delta.ServiceConnectDefaults,
            }, cancellationToken);
            await status.MutatedAsync(obj, "ClusterUpdated", "UpdateCluster", $"Updated settings of ECS cluster {name}", cancellationToken);
        }

        if (delta.CapacityProviders is { } providers)
        {
            await ecs.PutClusterCapacityProvidersAsync(new Ecs.PutClusterCapacityProvidersRequest
            {
                Cluster = name,
                CapacityProviders = providers.CapacityProviders,
                DefaultCapacityProviderStrategy = providers.DefaultCapacityProviderStrategy,
            }, cancellationToken);
            await status.MutatedAsync(obj, "CapacityProvidersUpdated", "PutClusterCapacityProviders", $"Set capacity providers of ECS cluster {name} to [{string.Join(", ", providers.CapacityProviders)}]", cancellationToken);
        }

        await TagAsync(obj, cluster.ClusterArn!, delta.Tags, cancellationToken);
    }

    /// <summary>
    /// The services still in the cluster (every page): real ECS refuses to delete it while any is ACTIVE or DRAINING.
    /// ListServices may still list INACTIVE ones for a while, so their status is read too, ten per call.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListServiceNamesAsync(string name, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        string? next = null;
        do
        {
            var page = await ecs.ListServicesAsync(new Ecs.ListServicesRequest { Cluster = name, NextToken = next }, cancellationToken);
            arns.AddRange(page.ServiceArns ?? []);
            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));

        var remaining = new List<string>();
        foreach (var batch in arns.Chunk(10))
        {
            var described = await ecs.DescribeServicesAsync(new Ecs.DescribeServicesRequest { Cluster = name, Services = [.. batch] }, cancellationToken);
            remaining.AddRange((described.Services ?? []).Where(s => s.Status != "INACTIVE").Select(s => s.ServiceName ?? s.ServiceArn ?? "?"));
        }

        return remaining;
    }

    /// <summary>Deletes the cluster. True when ECS reports it INACTIVE or gone, so that the finalizer can go.</summary>
    public async Task<bool> DeleteAsync(V1alpha1Cluster obj, string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await ecs.DeleteClusterAsync(new Ecs.DeleteClusterRequest { Cluster = name }, cancellationToken);
            await status.MutatedAsync(obj, "ClusterDeleted", "DeleteCluster", $"Deleted ECS cluster {name}", cancellationToken);
            return response.Cluster?.Status is null or "INACTIVE";
        }
        catch (AwsServiceException e) when (e.Classification == AwsErrorClass.NotFound)
        {
            return true;
        }
    }

    private async Task TagAsync(V1alpha1Cluster obj, string arn, TagChanges changes, CancellationToken cancellationToken)
    {
        if (changes.ToSet.Count > 0)
        {
            await ecs.TagResourceAsync(new Ecs.TagResourceRequest { ResourceArn = arn, Tags = AwsTags.ToList(changes.ToSet) }, cancellationToken);
            await status.MutatedAsync(obj, "TagsUpdated", "TagResource", $"Set tags {string.Join(", ", changes.ToSet.Keys)}", cancellationToken);
        }

        if (changes.ToRemove.Count > 0)
        {
            await ecs.UntagResourceAsync(new Ecs.UntagResourceRequest { ResourceArn = arn, TagKeys = [.. changes.ToRemove] }, cancellationToken);
            await status.MutatedAsync(obj, "TagsRemoved", "UntagResource", $"Removed tags {string.Join(", ", changes.ToRemove)}", cancellationToken);
        }
    }
}

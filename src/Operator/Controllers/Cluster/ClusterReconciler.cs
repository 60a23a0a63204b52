using EcsOperator.Aws;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Hosting;
using EcsOperator.Runtime.Reconcile;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Cluster;

/// <summary>The DESIGN.md §5 flow for a Cluster. The runtime has added the finalizer before this runs.</summary>
public sealed class ClusterReconciler(
    ClusterManager manager,
    StatusReporter<V1alpha1Cluster> status,
    ClusterIdentity identity,
    OperatorOptions options) : IReconciler<V1alpha1Cluster>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    public async Task<ReconcileResult> ReconcileAsync(V1alpha1Cluster obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var name = NameOf(obj);
        if (obj.Status.ClusterName is { } applied && applied != name)
        {
            return await status.StalledAsync(obj, "ImmutableFieldChanged", $"spec.clusterName: cannot change from {applied} to {name}; create a new Cluster instead", cancellationToken);
        }

        if (ClusterValidation.Check(obj) is { Count: > 0 } problems)
        {
            return await status.StalledAsync(obj, InvalidSpec.Reason, InvalidSpec.Describe(problems), cancellationToken);
        }

        try
        {
            return await SyncAsync(obj, name, cancellationToken);
        }
        catch (AwsServiceException e) when (e.Classification is AwsErrorClass.AccessDenied or AwsErrorClass.Invalid)
        {
            return await status.AwsFailedAsync(obj, e, options.ResyncPeriod, cancellationToken);
        }
    }

    public async Task<ReconcileResult> FinalizeAsync(V1alpha1Cluster obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (DeletionPolicies.Effective(obj.Spec.DeletionPolicy, obj.Metadata) == DeletionPolicy.Retain)
        {
            return ReconcileResult.Done;
        }

        var name = obj.Status.ClusterName ?? NameOf(obj);
        var ownership = await identity.OwnershipAsync(obj.Metadata.NamespaceProperty, obj.Kind, obj.Metadata.Name, cancellationToken);
        if (await manager.DescribeAsync(name, cancellationToken) is not { } cluster || ownership.Classify(AwsTags.ToDictionary(cluster.Tags)) != Ownership.Ours)
        {
            return ReconcileResult.Done;
        }

        if (await manager.ListServiceNamesAsync(name, cancellationToken) is { Count: > 0 } services)
        {
            await status.ReconcilingAsync(obj, "DependentsExist", $"waiting for {services.Count} service(s) to leave cluster {name}: {string.Join(", ", services.Take(10))}", cancellationToken);
            return ReconcileResult.After(Soon);
        }

        return await manager.DeleteAsync(obj, name, cancellationToken) ? ReconcileResult.Done : ReconcileResult.After(Soon);
    }

    private async Task<ReconcileResult> SyncAsync(V1alpha1Cluster obj, string name, CancellationToken cancellationToken)
    {
        var ownership = await identity.OwnershipAsync(obj.Metadata.NamespaceProperty, obj.Kind, obj.Metadata.Name, cancellationToken);
        var desiredTags = AwsTags.Merge(obj.Spec.Tags, ownership.ToTags());
        var cluster = await manager.DescribeAsync(name, cancellationToken);
        if (cluster is null)
        {
            cluster = await manager.CreateAsync(obj, name, desiredTags, cancellationToken);
        }
        else if (ownership.Classify(AwsTags.ToDictionary(cluster.Tags)) is var owner && owner != Ownership.Ours)
        {
            if (owner == Ownership.Foreign || !Adoption.IsRequested(obj.Metadata))
            {
                return await status.StalledAsync(obj, "AlreadyExists", AlreadyExistsMessage(name, owner), cancellationToken);
            }

            await manager.AdoptAsync(obj, cluster, ownership, cancellationToken);
        }

        var delta = ClusterDelta.Compute(obj.Spec, desiredTags, cluster, obj.Status.AppliedTagKeys);
        if (!delta.IsEmpty)
        {
            await manager.ApplyAsync(obj, cluster, delta, cancellationToken);
            cluster = await manager.DescribeAsync(name, cancellationToken) ?? cluster;
        }

        return await ReportAsync(obj, cluster, cancellationToken);
    }

    private async Task<ReconcileResult> ReportAsync(V1alpha1Cluster obj, Ecs.Cluster cluster, CancellationToken cancellationToken)
    {
        obj.Status.Arn = cluster.ClusterArn;
        obj.Status.ClusterName = cluster.ClusterName;
        obj.Status.State = cluster.Status;
        obj.Status.ActiveServicesCount = cluster.ActiveServicesCount;
        obj.Status.RunningTasksCount = cluster.RunningTasksCount;
        obj.Status.PendingTasksCount = cluster.PendingTasksCount;
        obj.Status.AppliedTagKeys = obj.Spec.Tags is { Count: > 0 } tags ? [.. tags.Keys.Order(StringComparer.Ordinal)] : null;
        if (cluster.Status != "ACTIVE")
        {
            await status.ReconcilingAsync(obj, "Provisioning", $"ECS cluster {cluster.ClusterName} is {cluster.Status}", cancellationToken);
            return ReconcileResult.After(Soon);
        }

        await status.ReadyAsync(obj, $"ECS cluster {cluster.ClusterName} is ACTIVE", cancellationToken);
        return ReconcileResult.Done; // converged: the runtime's periodic resync is the only requeue
    }

    private static string NameOf(V1alpha1Cluster obj) => string.IsNullOrEmpty(obj.Spec.ClusterName) ? obj.Metadata.Name : obj.Spec.ClusterName;

    private static string AlreadyExistsMessage(string name, Ownership owner) => owner == Ownership.Foreign
        ? $"ECS cluster {name} belongs to another object or Kubernetes cluster (see its {WellKnown.OwnerTag} and {WellKnown.ClusterIdTag} tags)"
        : $"ECS cluster {name} already exists and is not managed by the operator; set the annotation {WellKnown.AdoptAnnotation}: \"true\" to adopt it";
}

using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Cluster;

/// <summary>What a Cluster asks of ECS: the spec under its resolved name (spec.clusterName or metadata.name).</summary>
public sealed record DesiredCluster(string Name, ClusterSpec Spec);

/// <summary>A Cluster on the reconcile template: only what is specific to ECS clusters.</summary>
public sealed class ClusterReconciler(ReconcileServices<V1alpha1Cluster> services, ClusterManager manager, IResourceCache<V1alpha1Service> serviceObjects)
    : ResourceReconciler<V1alpha1Cluster, DesiredCluster, Ecs.Cluster>(services)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    protected override IEnumerable<ImmutableField> ImmutableFields(V1alpha1Cluster obj) =>
        [new("spec.clusterName", obj.Status.ClusterName, NameOf(obj), "create a new Cluster instead")];

    protected override IReadOnlyList<FieldError> Validate(V1alpha1Cluster obj) => ClusterValidation.Check(obj);

    protected override Task<Resolution<DesiredCluster>> ResolveAsync(V1alpha1Cluster obj, CancellationToken cancellationToken) =>
        Task.FromResult(Resolution.Resolved(new DesiredCluster(NameOf(obj), obj.Spec)));

    protected override Task<Ecs.Cluster?> DescribeAsync(SyncContext<V1alpha1Cluster, DesiredCluster> sync, CancellationToken cancellationToken) =>
        manager.DescribeAsync(sync.Desired.Name, cancellationToken);

    /// <summary>The resync sweep's batch read stands in for the Describe when it read this very name.</summary>
    protected override bool Describes(SyncContext<V1alpha1Cluster, DesiredCluster> sync, Ecs.Cluster prefetched) =>
        prefetched.ClusterName == sync.Desired.Name;

    protected override Task<Ecs.Cluster> CreateAsync(SyncContext<V1alpha1Cluster, DesiredCluster> sync, CancellationToken cancellationToken) =>
        manager.CreateAsync(sync.Object, ClusterRequest.Create(sync.Desired.Spec, sync.Desired.Name, DesiredTags(sync)), cancellationToken);

    protected override Ownership OwnerOf(Ecs.Cluster observed, OwnershipTags ownership) => ownership.Classify(AwsTags.ToDictionary(observed.Tags));

    protected override Task AdoptAsync(SyncContext<V1alpha1Cluster, DesiredCluster> sync, Ecs.Cluster observed, CancellationToken cancellationToken) =>
        manager.AdoptAsync(sync.Object, observed, sync.Ownership, cancellationToken);

    protected override async Task<Ecs.Cluster> UpdateAsync(SyncContext<V1alpha1Cluster, DesiredCluster> sync, Ecs.Cluster observed, CancellationToken cancellationToken)
    {
        var delta = ClusterDelta.Compute(sync.Object, DesiredTags(sync), observed);
        if (delta.IsEmpty)
        {
            return observed;
        }

        Log.Updating(Services.Logger, string.Join(",", delta.Fields()));
        await manager.ApplyAsync(sync.Object, observed, delta, cancellationToken);
        if (delta.IsTagsOnly)
        {
            // The tags just written are all a second DescribeClusters would show anew: a tag edit costs two calls, not three.
            observed.Tags = AwsTags.ToList(delta.Tags.AppliedTo(AwsTags.ToDictionary(observed.Tags)));
            return observed;
        }

        return await manager.DescribeAsync(sync.Desired.Name, cancellationToken) ?? observed;
    }

    protected override Task<SyncOutcome> ReportAsync(SyncContext<V1alpha1Cluster, DesiredCluster> sync, Ecs.Cluster observed, CancellationToken cancellationToken)
    {
        var status = sync.Object.Status;
        status.Arn = observed.ClusterArn;
        status.ClusterName = observed.ClusterName;
        status.State = observed.Status;
        status.ActiveServicesCount = observed.ActiveServicesCount;
        status.RunningTasksCount = observed.RunningTasksCount;
        status.PendingTasksCount = observed.PendingTasksCount;
        status.AppliedTagKeys = sync.Desired.Spec.Tags is { Count: > 0 } tags ? [.. tags.Keys.Order(StringComparer.Ordinal)] : null;
        status.AppliedServiceConnectNamespace = sync.Desired.Spec.ServiceConnectDefaults?.Namespace;
        status.ServiceConnectNamespaceArn = sync.Desired.Spec.ServiceConnectDefaults is null ? null : observed.ServiceConnectDefaults?.Namespace;
        return Task.FromResult(observed.Status == "ACTIVE"
            ? SyncOutcome.Ready($"ECS cluster {observed.ClusterName} is ACTIVE")
            : SyncOutcome.Reconciling(ConditionReasons.Creating, $"ECS cluster {observed.ClusterName} is {observed.Status}", Soon));
    }

    protected override Task<Ecs.Cluster?> LocateAsync(V1alpha1Cluster obj, OwnershipTags ownership, CancellationToken cancellationToken) =>
        manager.DescribeAsync(obj.Status.ClusterName ?? NameOf(obj), cancellationToken);

    protected override async Task<DeleteOutcome> DeleteAsync(V1alpha1Cluster obj, Ecs.Cluster observed, CancellationToken cancellationToken)
    {
        var name = observed.ClusterName!;
        var services = ServiceObjectsIn(observed).Union(await manager.ListServiceNamesAsync(name, cancellationToken), StringComparer.Ordinal).ToList();
        if (services.Count > 0)
        {
            return DeleteOutcome.Waiting(ConditionReasons.DependentsExist, $"waiting for {services.Count} service(s) to leave cluster {name}: {string.Join(", ", services.Take(10))}", Soon);
        }

        return await manager.DeleteAsync(obj, name, cancellationToken)
            ? DeleteOutcome.Deleted
            : DeleteOutcome.Waiting(ConditionReasons.Updating, $"ECS cluster {name} is being deleted", Soon);
    }

    protected override string Describe(Ecs.Cluster observed) => $"ECS cluster {observed.ClusterName}";

    /// <summary>
    /// The ECS services of this operator's Service objects that still run in the cluster. ListServices leaves DRAINING
    /// services out, and ECS refuses DeleteCluster while one drains; a Service object keeps its finalizer until its ECS
    /// service is INACTIVE, so it stands for a draining service that no ECS list shows.
    /// </summary>
    private IEnumerable<string> ServiceObjectsIn(Ecs.Cluster observed) =>
        serviceObjects.List()
            .Where(s => s.Status.ClusterArn is { } arn && arn == observed.ClusterArn)
            .Select(s => s.Status.ServiceName ?? s.Metadata.Name);

    private static Dictionary<string, string> DesiredTags(SyncContext<V1alpha1Cluster, DesiredCluster> sync) =>
        AwsTags.Merge(sync.Desired.Spec.Tags, sync.Ownership.ToTags());

    internal static string NameOf(V1alpha1Cluster obj) => string.IsNullOrEmpty(obj.Spec.ClusterName) ? obj.Metadata.Name : obj.Spec.ClusterName;
}

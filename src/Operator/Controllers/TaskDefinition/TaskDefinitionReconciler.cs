using EcsOperator.Aws;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Hosting;
using EcsOperator.Runtime.Reconcile;

namespace EcsOperator.Controllers.TaskDefinition;

/// <summary>
/// The DESIGN.md §5 flow for a TaskDefinition. Revisions are immutable, so "update" means: find this object's ACTIVE
/// revision with the spec's hash, or register one; then retire the least recently used beyond revisionHistoryLimit.
/// </summary>
public sealed class TaskDefinitionReconciler(
    TaskDefinitionManager manager,
    TaskDefinitionDependencies dependencies,
    StatusReporter<V1alpha1TaskDefinition> status,
    ClusterIdentity identity,
    OperatorOptions options) : IReconciler<V1alpha1TaskDefinition>
{
    public async Task<ReconcileResult> ReconcileAsync(V1alpha1TaskDefinition obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var family = FamilyOf(obj);
        if (obj.Status.Family is { } applied && applied != family)
        {
            return await status.StalledAsync(obj, "ImmutableFieldChanged", $"spec.family: cannot change from {applied} to {family}; create a new TaskDefinition instead", cancellationToken);
        }

        if (TaskDefinitionValidation.Check(obj) is { Count: > 0 } problems)
        {
            return await status.StalledAsync(obj, InvalidSpec.Reason, InvalidSpec.Describe(problems), cancellationToken);
        }

        try
        {
            if (await dependencies.FindMissingAsync(obj.Spec, cancellationToken) is { Count: > 0 } missing)
            {
                var recheck = status.WaitBackoff(obj);
                await status.ReconcilingAsync(obj, "DependencyMissing", string.Join("; ", missing), cancellationToken);
                return ReconcileResult.After(recheck);
            }

            return await SyncAsync(obj, family, cancellationToken);
        }
        catch (AwsServiceException e) when (e.Classification is AwsErrorClass.AccessDenied or AwsErrorClass.Invalid)
        {
            return await status.AwsFailedAsync(obj, e, options.ResyncPeriod, cancellationToken);
        }
    }

    public async Task<ReconcileResult> FinalizeAsync(V1alpha1TaskDefinition obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (DeletionPolicies.Effective(obj.Spec.DeletionPolicy, obj.Metadata) == DeletionPolicy.Retain)
        {
            return ReconcileResult.Done;
        }

        var family = obj.Status.Family ?? FamilyOf(obj);
        var ownership = await OwnershipAsync(obj, cancellationToken);
        await manager.DeregisterAsync(obj, await manager.ListOwnedAsync(family, "ACTIVE", ownership, cancellationToken), cancellationToken);
        await manager.DeleteAsync(obj, await manager.ListOwnedAsync(family, "INACTIVE", ownership, cancellationToken), cancellationToken);
        return ReconcileResult.Done;
    }

    private async Task<ReconcileResult> SyncAsync(V1alpha1TaskDefinition obj, string family, CancellationToken cancellationToken)
    {
        var ownership = await OwnershipAsync(obj, cancellationToken);
        var hash = TaskDefinitionRequest.HashOf(obj.Spec, family);
        var limit = obj.Spec.RevisionHistoryLimit ?? RevisionHistory.DefaultLimit;

        // Steady state (every resync): one Describe of the revision in use, when it still matches and history is trim.
        if (obj.Status.Arn is { } arn && obj.Status.ActiveRevisions <= limit
            && await manager.DescribeOwnedAsync(arn, ownership, cancellationToken) is { Status: "ACTIVE" } inUse && inUse.SpecHash == hash)
        {
            return await ReportAsync(obj, family, inUse, obj.Status.ActiveRevisions.Value, obj.Status.RecentRevisions, cancellationToken);
        }

        // Crash safety: a revision registered by a run that died before writing status is found here, not registered twice.
        var owned = await manager.ListOwnedAsync(family, "ACTIVE", ownership, cancellationToken);
        var current = owned.Where(r => r.SpecHash == hash).MaxBy(r => r.Revision)
            ?? await manager.RegisterAsync(obj, TaskDefinitionRequest.Build(obj.Spec, family, OperatorTags(ownership, hash)), hash, cancellationToken);
        var recent = RevisionHistory.Touch(obj.Status.RecentRevisions, current.Revision, limit);
        var all = owned.Append(current).DistinctBy(r => r.Revision).ToList();
        var retire = RevisionHistory.ToDeregister(all.Select(r => r.Revision), current.Revision, recent, limit);
        await manager.DeregisterAsync(obj, all.Where(r => retire.Contains(r.Revision)), cancellationToken);
        return await ReportAsync(obj, family, current, all.Count - retire.Count, recent, cancellationToken);
    }

    private async Task<ReconcileResult> ReportAsync(V1alpha1TaskDefinition obj, string family, OwnedRevision current, int active, IEnumerable<int>? recent, CancellationToken cancellationToken)
    {
        obj.Status.Arn = current.Arn;
        obj.Status.Family = family;
        obj.Status.Revision = current.Revision;
        obj.Status.ActiveRevisions = active;
        obj.Status.RecentRevisions = recent?.ToList();
        await status.ReadyAsync(obj, $"revision {family}:{current.Revision} is ACTIVE and matches the spec", cancellationToken);
        return ReconcileResult.Done; // converged: the runtime's periodic resync is the only requeue
    }

    private Task<OwnershipTags> OwnershipAsync(V1alpha1TaskDefinition obj, CancellationToken cancellationToken) =>
        identity.OwnershipAsync(obj.Metadata.NamespaceProperty, obj.Kind, obj.Metadata.Name, cancellationToken);

    private static Dictionary<string, string> OperatorTags(OwnershipTags ownership, string hash) =>
        new(ownership.ToTags(), StringComparer.Ordinal) { [TaskDefinitionSpecHash.TagKey] = hash };

    private static string FamilyOf(V1alpha1TaskDefinition obj) => string.IsNullOrEmpty(obj.Spec.Family) ? obj.Metadata.Name : obj.Spec.Family;
}

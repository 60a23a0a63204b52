using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;

namespace EcsOperator.Controllers.TaskDefinition;

/// <summary>The revision a spec asks for: the family, the spec's hash, and how many revisions to keep.</summary>
public sealed record DesiredTaskDefinition(string Family, string SpecHash, int HistoryLimit, TaskDefinitionSpec Spec);

/// <summary>
/// This object's revisions in ECS: the one in use, and (when history may need trimming) every ACTIVE one it
/// registered. On delete, Owned holds every revision it registered, ACTIVE or INACTIVE.
/// </summary>
public sealed record OwnedRevisions(OwnedRevision? Current, IReadOnlyList<OwnedRevision>? Owned);

/// <summary>
/// A TaskDefinition on the reconcile template. Revisions are immutable, so "update" means: find this object's ACTIVE
/// revision with the spec's hash, or register one; then retire the least recently used beyond revisionHistoryLimit.
/// </summary>
public sealed class TaskDefinitionReconciler(
    ReconcileServices<V1alpha1TaskDefinition> reconcileServices,
    TaskDefinitionManager manager,
    TaskDefinitionDependencies dependencies,
    IResourceCache<V1alpha1Service> services)
    : ResourceReconciler<V1alpha1TaskDefinition, DesiredTaskDefinition, OwnedRevisions>(reconcileServices)
{
    protected override IEnumerable<ImmutableField> ImmutableFields(V1alpha1TaskDefinition obj) =>
        [new("spec.family", obj.Status.Family, FamilyOf(obj), "create a new TaskDefinition instead")];

    protected override IReadOnlyList<FieldError> Validate(V1alpha1TaskDefinition obj) => TaskDefinitionValidation.Check(obj);

    protected override async Task<Resolution<DesiredTaskDefinition>> ResolveAsync(V1alpha1TaskDefinition obj, CancellationToken cancellationToken)
    {
        if (await dependencies.FindMissingAsync(obj.Spec, cancellationToken) is { Count: > 0 } missing)
        {
            return Resolution.NotReady<DesiredTaskDefinition>(string.Join("; ", missing), Services.Status.WaitBackoff(obj));
        }

        var family = FamilyOf(obj);
        return Resolution.Resolved(new DesiredTaskDefinition(
            family, TaskDefinitionRequest.HashOf(obj.Spec, family), obj.Spec.RevisionHistoryLimit ?? RevisionHistory.DefaultLimit, obj.Spec));
    }

    /// <summary>
    /// Steady state (every resync): one Describe of the revision in use, when it still matches and history is trim.
    /// Otherwise every owned ACTIVE revision, so that one registered by a run that died before writing status is found
    /// here rather than registered twice. Null when none matches the spec.
    /// </summary>
    protected override async Task<OwnedRevisions?> DescribeAsync(SyncContext<V1alpha1TaskDefinition, DesiredTaskDefinition> sync, CancellationToken cancellationToken)
    {
        var status = sync.Object.Status;
        if (status.Arn is { } arn && status.ActiveRevisions <= sync.Desired.HistoryLimit
            && await manager.DescribeOwnedAsync(arn, sync.Ownership, cancellationToken) is { Status: "ACTIVE" } inUse && inUse.SpecHash == sync.Desired.SpecHash)
        {
            return new OwnedRevisions(inUse, null);
        }

        var owned = await manager.ListOwnedAsync(sync.Desired.Family, "ACTIVE", sync.Ownership, cancellationToken);
        var current = owned.Where(r => r.SpecHash == sync.Desired.SpecHash).MaxBy(r => r.Revision);
        return current is null ? null : new OwnedRevisions(current, owned);
    }

    protected override async Task<OwnedRevisions> CreateAsync(SyncContext<V1alpha1TaskDefinition, DesiredTaskDefinition> sync, CancellationToken cancellationToken)
    {
        var desired = sync.Desired;
        var operatorTags = new Dictionary<string, string>(sync.Ownership.ToTags(), StringComparer.Ordinal) { [TaskDefinitionSpecHash.TagKey] = desired.SpecHash };
        var registered = await manager.RegisterAsync(sync.Object, TaskDefinitionRequest.Build(desired.Spec, desired.Family, operatorTags), desired.SpecHash, cancellationToken);
        var owned = await manager.ListOwnedAsync(desired.Family, "ACTIVE", sync.Ownership, cancellationToken);
        return await TrimAsync(sync, new OwnedRevisions(registered, [.. owned.Append(registered).DistinctBy(r => r.Revision)]), cancellationToken);
    }

    protected override Ownership OwnerOf(OwnedRevisions observed, OwnershipTags ownership) => Ownership.Ours;

    protected override Task AdoptAsync(SyncContext<V1alpha1TaskDefinition, DesiredTaskDefinition> sync, OwnedRevisions observed, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("revisions are found through their ownership tags: there is nothing to adopt");

    protected override Task<OwnedRevisions> UpdateAsync(SyncContext<V1alpha1TaskDefinition, DesiredTaskDefinition> sync, OwnedRevisions observed, CancellationToken cancellationToken) =>
        TrimAsync(sync, observed, cancellationToken);

    protected override Task<SyncOutcome> ReportAsync(SyncContext<V1alpha1TaskDefinition, DesiredTaskDefinition> sync, OwnedRevisions observed, CancellationToken cancellationToken)
    {
        var current = observed.Current!;
        var status = sync.Object.Status;
        status.Arn = current.Arn;
        status.Family = sync.Desired.Family;
        status.Revision = current.Revision;
        status.ActiveRevisions = observed.Owned?.Count ?? status.ActiveRevisions;
        status.RecentRevisions = [.. RevisionHistory.Touch(status.RecentRevisions, current.Revision, sync.Desired.HistoryLimit)];
        return Task.FromResult(SyncOutcome.Ready($"revision {sync.Desired.Family}:{current.Revision} is ACTIVE and matches the spec"));
    }

    protected override async Task<OwnedRevisions?> LocateAsync(V1alpha1TaskDefinition obj, OwnershipTags ownership, CancellationToken cancellationToken)
    {
        var family = obj.Status.Family ?? FamilyOf(obj);
        var owned = (await manager.ListOwnedAsync(family, "ACTIVE", ownership, cancellationToken))
            .Concat(await manager.ListOwnedAsync(family, "INACTIVE", ownership, cancellationToken))
            .ToList();
        return owned.Count == 0 ? null : new OwnedRevisions(null, owned);
    }

    /// <summary>
    /// Deregisters the ACTIVE revisions and deletes them with the INACTIVE ones in the same pass: ECS lists a freshly
    /// deregistered revision as INACTIVE only after a delay, so the ARNs just deregistered are deleted directly.
    /// The finalizer stays while ECS reports a failure for any of them.
    /// </summary>
    protected override async Task<DeleteOutcome> DeleteAsync(V1alpha1TaskDefinition obj, OwnedRevisions observed, CancellationToken cancellationToken)
    {
        var users = Users(obj, observed);
        if (users.Count > 0)
        {
            return DeleteOutcome.Waiting(ConditionReasons.DependentsExist, $"waiting for {users.Count} Service(s) that use this task definition to be deleted: {string.Join(", ", users.Take(10).Select(s => s.Metadata.Name))}", Services.Status.WaitBackoff(obj));
        }

        var owned = observed.Owned ?? [];
        var deregistered = await manager.DeregisterAsync(obj, owned.Where(r => r.Status == "ACTIVE"), cancellationToken);
        var inactive = owned.Where(r => r.Status == "INACTIVE").Select(r => r.Arn).Concat(deregistered);
        var failures = await manager.DeleteAsync(obj, inactive, cancellationToken);
        return failures.Count == 0
            ? DeleteOutcome.Deleted
            : DeleteOutcome.Waiting(ConditionReasons.AwsError, $"ECS could not delete every revision: {string.Join("; ", failures.Take(5))}", Services.Status.WaitBackoff(obj));
    }

    protected override string Describe(OwnedRevisions observed) => $"task definition {observed.Current?.Arn ?? "revisions"}";

    /// <summary>
    /// The Services of this operator that use this task definition: through taskDefinitionRef, or by naming or running
    /// one of its revisions (a literal spec.taskDefinition, or the revision ECS still runs after a rollback).
    /// </summary>
    private List<V1alpha1Service> Users(V1alpha1TaskDefinition obj, OwnedRevisions observed)
    {
        var revisions = (observed.Owned ?? []).Select(r => ServiceDelta.Revision(r.Arn)).ToHashSet(StringComparer.Ordinal);
        bool Runs(string? taskDefinition) => taskDefinition is not null && revisions.Contains(ServiceDelta.Revision(taskDefinition));
        return services.ByIndex(Indexes.TaskDefinitionRef, Indexes.KeyOf(obj.Metadata.NamespaceProperty, obj.Metadata.Name))
            .Concat(services.List().Where(s => Runs(s.Spec.TaskDefinition) || Runs(s.Status.TaskDefinition)))
            .DistinctBy(s => $"{s.Metadata.NamespaceProperty}/{s.Metadata.Name}")
            .ToList();
    }

    /// <summary>Retires the least recently used owned revisions beyond the history limit; the one in use stays.</summary>
    private async Task<OwnedRevisions> TrimAsync(SyncContext<V1alpha1TaskDefinition, DesiredTaskDefinition> sync, OwnedRevisions observed, CancellationToken cancellationToken)
    {
        if (observed.Owned is not { } owned || observed.Current is not { } current)
        {
            return observed;
        }

        var recent = RevisionHistory.Touch(sync.Object.Status.RecentRevisions, current.Revision, sync.Desired.HistoryLimit);
        var retire = RevisionHistory.ToDeregister(owned.Select(r => r.Revision), current.Revision, recent, sync.Desired.HistoryLimit);
        if (retire.Count > 0)
        {
            Log.Updating(Services.Logger, $"revision history (retiring {string.Join(",", retire)})");
            await manager.DeregisterAsync(sync.Object, owned.Where(r => retire.Contains(r.Revision)), cancellationToken);
        }

        return new OwnedRevisions(current, [.. owned.Where(r => !retire.Contains(r.Revision))]);
    }

    private static string FamilyOf(V1alpha1TaskDefinition obj) => string.IsNullOrEmpty(obj.Spec.Family) ? obj.Metadata.Name : obj.Spec.Family;
}

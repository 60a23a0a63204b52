using EcsOperator.Aws;
using EcsOperator.Entities;
using EcsOperator.Runtime.Reconcile;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// The reconcile template every kind runs on (DESIGN.md §5, ACK's Sync flow). It owns the steps all kinds share:
/// pause, the immutable-field check, validation, reference resolution, ownership and adoption, the AWS error to
/// condition mapping (reconcile and finalize alike), Retain and "not ours means done" on delete, and the conditions
/// and requeue that end every step. A kind supplies only what differs: Describe, Create, Update (its Delta),
/// Delete, and its status mapping. The runtime has added the finalizer before <see cref="ReconcileAsync"/> runs.
/// </summary>
/// <typeparam name="TEntity">The Kubernetes kind.</typeparam>
/// <typeparam name="TDesired">The spec with references resolved.</typeparam>
/// <typeparam name="TObserved">What AWS reports for the object.</typeparam>
public abstract class ResourceReconciler<TEntity, TDesired, TObserved>(ReconcileServices<TEntity> services) : IReconciler<TEntity>
    where TEntity : class, IEcsResource
    where TDesired : class
    where TObserved : class
{
    protected ReconcileServices<TEntity> Services => services;

    public async Task<ReconcileResult> ReconcileAsync(TEntity obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);

        // The sweep's read is matched against the cached object it was opened for (same resourceVersion); our own
        // status write since then changes no spec, and the sweep only opens slots for objects no reconcile is working on.
        using var lease = services.Prefetched.Begin(obj);

        // The status guards calls that take no token (a Service's restartedAt): never start from one older than our own write.
        obj = services.Status.Freshest(obj);
        if (Pause.IsPaused(obj))
        {
            return await PausedAsync(obj, "reconciliation is paused", cancellationToken);
        }

        var outcome = await GuardAsync(obj, async () => await SyncAsync(obj, lease.Observed as TObserved, cancellationToken), cancellationToken);
        return await ConcludeAsync(obj, outcome!.Value, cancellationToken);
    }

    public async Task<ReconcileResult> FinalizeAsync(TEntity obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        obj = services.Status.Freshest(obj);

        // Held, not used: a sweep must not hand the next reconcile a picture taken while this one deletes.
        using var lease = services.Prefetched.Begin(obj);
        if (Pause.IsPaused(obj))
        {
            // Done would release the finalizer: look again after the resync period (removing the annotation requeues at once).
            await PausedAsync(obj, "deletion is paused: the finalizer and the AWS side stay until the annotation is removed", cancellationToken);
            return ReconcileResult.After(services.Options.ResyncPeriod);
        }

        if (DeletionPolicies.Effective(obj.DeletionPolicy, obj.Metadata) == DeletionPolicy.Retain)
        {
            Log.Retained(services.Logger);
            return ReconcileResult.Done;
        }

        var outcome = await GuardAsync(obj, () => TeardownAsync(obj, cancellationToken), cancellationToken);
        return outcome is null ? ReconcileResult.Done : await ConcludeAsync(obj, outcome.Value, cancellationToken);
    }

    /// <summary>Fields that no update path can change, checked against what was applied (status) before anything else.</summary>
    protected abstract IEnumerable<ImmutableField> ImmutableFields(TEntity obj);

    /// <summary>Fields that no update path can change, checked against what AWS has once it has been read.</summary>
    protected virtual IEnumerable<ImmutableField> ImmutableFields(SyncContext<TEntity, TDesired> sync, TObserved observed) => [];

    /// <summary>The kind's checks (the CRD's rules again, and ECS's), each error naming its field.</summary>
    protected abstract IReadOnlyList<FieldError> Validate(TEntity obj);

    /// <summary>Resolves references into the desired state, or says what the object waits for.</summary>
    protected abstract Task<Resolution<TDesired>> ResolveAsync(TEntity obj, CancellationToken cancellationToken);

    /// <summary>Reads the AWS resource (one Describe, batched where the API allows); null when it does not exist.</summary>
    protected abstract Task<TObserved?> DescribeAsync(SyncContext<TEntity, TDesired> sync, CancellationToken cancellationToken);

    /// <summary>
    /// Whether an observation that the kind's resync sweep read in a batch (<see cref="PrefetchedObservations{TEntity}"/>)
    /// is what <see cref="DescribeAsync"/> would read for this sync (the same name, in the same cluster), so that it
    /// can stand in for it. Kinds without a batched sweep never receive one.
    /// </summary>
    protected virtual bool Describes(SyncContext<TEntity, TDesired> sync, TObserved prefetched) => false;

    /// <summary>Creates the AWS resource, idempotently: a retry after a crash must not make a second one.</summary>
    protected abstract Task<TObserved> CreateAsync(SyncContext<TEntity, TDesired> sync, CancellationToken cancellationToken);

    /// <summary>Who owns <paramref name="observed"/>, seen from <paramref name="ownership"/> (usually its tags).</summary>
    protected abstract Ownership OwnerOf(TObserved observed, OwnershipTags ownership);

    /// <summary>Takes over an unowned resource (the adopt annotation is set): tags it as this object's.</summary>
    protected abstract Task AdoptAsync(SyncContext<TEntity, TDesired> sync, TObserved observed, CancellationToken cancellationToken);

    /// <summary>Computes the kind's Delta and makes only the calls it asks for; returns the state to report.</summary>
    protected abstract Task<TObserved> UpdateAsync(SyncContext<TEntity, TDesired> sync, TObserved observed, CancellationToken cancellationToken);

    /// <summary>Maps AWS's state into the status and says whether the object is Ready or still in progress.</summary>
    protected abstract Task<SyncOutcome> ReportAsync(SyncContext<TEntity, TDesired> sync, TObserved observed, CancellationToken cancellationToken);

    /// <summary>Finds what the object created, from its status and spec alone (references may be gone); null when nothing exists.</summary>
    protected abstract Task<TObserved?> LocateAsync(TEntity obj, OwnershipTags ownership, CancellationToken cancellationToken);

    /// <summary>Tears down an owned resource; Gone only once AWS confirms it, so that the finalizer can go.</summary>
    protected abstract Task<DeleteOutcome> DeleteAsync(TEntity obj, TObserved observed, CancellationToken cancellationToken);

    /// <summary>"ECS cluster demo": how messages name the AWS resource.</summary>
    protected abstract string Describe(TObserved observed);

    private async Task<SyncOutcome> SyncAsync(TEntity obj, TObserved? prefetched, CancellationToken cancellationToken)
    {
        if (ImmutableFieldChanged(ImmutableFields(obj)) is { } appliedChanged)
        {
            return appliedChanged;
        }

        if (Validate(obj) is { Count: > 0 } errors)
        {
            return SyncOutcome.Stalled(ConditionReasons.InvalidSpec, InvalidSpec.Describe(errors));
        }

        var resolution = await ResolveAsync(obj, cancellationToken);
        if (resolution.Blocked is { } blocked)
        {
            return blocked;
        }

        var sync = new SyncContext<TEntity, TDesired>(obj, resolution.Desired!, await services.OwnershipAsync(obj, cancellationToken));
        var observed = prefetched is not null && Describes(sync, prefetched) ? prefetched : await DescribeAsync(sync, cancellationToken);
        if (observed is null)
        {
            Log.Creating(services.Logger);
            observed = await CreateAsync(sync, cancellationToken);
        }
        else if (ImmutableFieldChanged(ImmutableFields(sync, observed)) is { } observedChanged)
        {
            return observedChanged;
        }
        else if (OwnerOf(observed, sync.Ownership) is var owner && owner != Ownership.Ours)
        {
            if (owner == Ownership.Foreign || !Adoption.IsRequested(obj.Metadata))
            {
                return SyncOutcome.Stalled(ConditionReasons.AlreadyExists, AlreadyExistsMessage(Describe(observed), owner));
            }

            Log.Adopting(services.Logger, Describe(observed));
            await AdoptAsync(sync, observed, cancellationToken);
            observed = await UpdateAsync(sync, observed, cancellationToken);
        }
        else
        {
            observed = await UpdateAsync(sync, observed, cancellationToken);
        }

        return await ReportAsync(sync, observed, cancellationToken);
    }

    private static SyncOutcome? ImmutableFieldChanged(IEnumerable<ImmutableField> fields)
    {
        foreach (var field in fields)
        {
            if (field.Applied is { } applied && !string.Equals(applied, field.Desired, StringComparison.Ordinal))
            {
                return SyncOutcome.Stalled(ConditionReasons.ImmutableFieldChanged, $"{field.Path}: cannot change from {applied} to {field.Desired ?? "(unset)"}; {field.Advice}");
            }
        }

        return null;
    }

    /// <summary>Null when there is nothing (of ours) left, so the finalizer can go.</summary>
    private async Task<SyncOutcome?> TeardownAsync(TEntity obj, CancellationToken cancellationToken)
    {
        var ownership = await services.OwnershipAsync(obj, cancellationToken);
        if (await LocateAsync(obj, ownership, cancellationToken) is not { } observed || OwnerOf(observed, ownership) != Ownership.Ours)
        {
            Log.NothingToDelete(services.Logger);
            return null;
        }

        Log.Deleting(services.Logger, Describe(observed));
        var deleted = await DeleteAsync(obj, observed, cancellationToken);
        return deleted.Gone ? null : SyncOutcome.Reconciling(deleted.Reason, deleted.Message, deleted.RequeueAfter);
    }

    /// <summary>
    /// The one AWS error mapping. What no retry fixes becomes Stalled (AccessDenied is re-checked after the resync
    /// period, since a policy change is invisible to Kubernetes). Throttling and transient errors show Reconciling with
    /// AWS's message while the runtime's per-object backoff retries them: they never become Stalled.
    /// </summary>
    private async Task<SyncOutcome?> GuardAsync(TEntity obj, Func<Task<SyncOutcome?>> step, CancellationToken cancellationToken)
    {
        try
        {
            return await step();
        }
        catch (SyncOutcomeException e)
        {
            return e.Outcome;
        }
        catch (AwsServiceException e) when (e.Classification is not (AwsErrorClass.AccessDenied or AwsErrorClass.Invalid))
        {
            var reason = e.Classification == AwsErrorClass.Throttled ? ConditionReasons.Throttled : ConditionReasons.AwsError;
            Log.AwsRetry(services.Logger, reason, e.ErrorCode);
            await services.Status.ReconcilingAsync(obj, reason, AwsMessage(e), cancellationToken);
            throw;
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            // No answer from AWS at all (a dropped connection, a timeout): as transient as a 5xx.
            Log.AwsRetry(services.Logger, ConditionReasons.AwsError, e.GetType().Name);
            await services.Status.ReconcilingAsync(obj, ConditionReasons.AwsError, $"{e.GetType().Name}: {e.Message}", cancellationToken);
            throw;
        }
        catch (AwsServiceException e)
        {
            return e.Classification == AwsErrorClass.AccessDenied
                ? SyncOutcome.Stalled(ConditionReasons.AccessDenied, AwsMessage(e), services.Options.ResyncPeriod)
                : SyncOutcome.Stalled(ConditionReasons.AwsRejected, AwsMessage(e));
        }
    }

    private async Task<ReconcileResult> ConcludeAsync(TEntity obj, SyncOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome.State)
        {
            case OutcomeState.Ready:
                await services.Status.ReadyAsync(obj, outcome.Message, cancellationToken);
                return ReconcileResult.Done;
            case OutcomeState.Reconciling:
                Log.Waiting(services.Logger, outcome.Reason, outcome.Message);
                await services.Status.ReconcilingAsync(obj, outcome.Reason, outcome.Message, cancellationToken);
                return ReconcileResult.After(outcome.RequeueAfter ?? services.Options.ResyncPeriod);
            default:
                Log.Stalled(services.Logger, outcome.Reason, outcome.Message);
                return await services.Status.StalledAsync(obj, outcome.Reason, outcome.Message, outcome.RequeueAfter, cancellationToken);
        }
    }

    private async Task<ReconcileResult> PausedAsync(TEntity obj, string message, CancellationToken cancellationToken)
    {
        await services.Status.ReconcilingAsync(obj, ConditionReasons.Paused, $"{message} ({WellKnown.ReconcileAnnotation}: {WellKnown.Paused})", cancellationToken);
        return ReconcileResult.Done;
    }

    private static bool IsTransportFailure(Exception e) =>
        e is HttpRequestException or IOException or TimeoutException or Amazon.Runtime.AmazonClientException
        && e is not AwsServiceException;

    private static string AwsMessage(AwsServiceException e) => $"{e.ErrorCode}: {e.Message}";

    private static string AlreadyExistsMessage(string resource, Ownership owner) => owner == Ownership.Foreign
        ? $"{resource} belongs to another object or Kubernetes cluster (see its {WellKnown.OwnerTag} and {WellKnown.ClusterIdTag} tags)"
        : $"{resource} already exists and is not managed by the operator; set the annotation {WellKnown.AdoptAnnotation}: \"true\" to adopt it";
}

using EcsOperator.Aws;
using EcsOperator.Entities;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// Sets kstatus conditions and writes the status in one step, so that every reconcile ends in exactly one of
/// Ready, Reconciling or Stalled (DESIGN.md §4). Stalled ends the reconcile with a terminal error: the runtime
/// does not retry until the object changes.
/// </summary>
public sealed class StatusReporter<TEntity>(StatusWriter<TEntity> writer, IEventRecorder events, TimeProvider clock)
    where TEntity : class, IEcsResource
{
    public async Task ReadyAsync(TEntity obj, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        Conditions.MarkReady(obj.ResourceStatus, obj.Metadata.Generation, "Synced", message, clock.GetUtcNow());
        await writer.WriteAsync(obj, cancellationToken);
    }

    public async Task ReconcilingAsync(TEntity obj, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        Conditions.MarkReconciling(obj.ResourceStatus, obj.Metadata.Generation, reason, message, clock.GetUtcNow());
        await writer.WriteAsync(obj, cancellationToken);
    }

    /// <summary>Marks the object Stalled, records a Warning event and throws the runtime's terminal error.</summary>
    public async Task<ReconcileResult> StalledAsync(TEntity obj, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var alreadyStalled = Conditions.Find(obj.ResourceStatus, ConditionTypes.Stalled) is { Status: ConditionStatus.True } c
            && c.Reason == reason && c.Message == message;
        Conditions.MarkStalled(obj.ResourceStatus, obj.Metadata.Generation, reason, message, clock.GetUtcNow());
        await writer.WriteAsync(obj, cancellationToken);
        if (!alreadyStalled)
        {
            await events.RecordAsync(obj, EventSeverity.Warning, reason, "Validate", message, cancellationToken);
        }

        throw new TerminalReconcileException(message) { Reason = reason, AlreadyReported = true };
    }

    /// <summary>
    /// An AWS error that no retry fixes: access denied (Stalled, looked at again after <paramref name="recheck"/>,
    /// since a policy change is invisible to Kubernetes) or a request AWS refuses (Stalled until the spec changes).
    /// Throttling and transient errors are rethrown for the runtime's backoff: they never become Stalled.
    /// </summary>
    public async Task<ReconcileResult> AwsFailedAsync(TEntity obj, AwsServiceException error, TimeSpan recheck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(error);
        var message = $"{error.ErrorCode}: {error.Message}";
        switch (error.Classification)
        {
            case AwsErrorClass.AccessDenied:
                Conditions.MarkStalled(obj.ResourceStatus, obj.Metadata.Generation, "AccessDenied", message, clock.GetUtcNow());
                await writer.WriteAsync(obj, cancellationToken);
                return ReconcileResult.After(recheck);
            case AwsErrorClass.Invalid:
                return await StalledAsync(obj, "AwsRejected", message, cancellationToken);
            default:
                throw error;
        }
    }

    /// <summary>A Normal event for an AWS mutation (DESIGN.md §6: every mutation is also an Event).</summary>
    public Task MutatedAsync(TEntity obj, string reason, string action, string note, CancellationToken cancellationToken) =>
        events.RecordAsync(obj, EventSeverity.Normal, reason, action, note, cancellationToken);

    /// <summary>
    /// The re-check delay while waiting on something outside Kubernetes (a missing role, a file system): it grows
    /// with how long the wait has lasted, from 2 s to 5 min, so a quick fix is seen quickly and a long one costs little.
    /// </summary>
    public TimeSpan WaitBackoff(TEntity obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var since = Conditions.Find(obj.ResourceStatus, ConditionTypes.Reconciling)?.LastTransitionTime;
        var waited = since is null ? TimeSpan.Zero : clock.GetUtcNow() - since.Value;
        return TimeSpan.FromSeconds(Math.Clamp(waited.TotalSeconds / 2, 2, 300));
    }
}

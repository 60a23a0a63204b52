using EcsOperator.Entities;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// Sets kstatus conditions and writes the status in one step, so that every reconcile ends in exactly one of
/// Ready, Reconciling or Stalled (DESIGN.md §4). The reconcile template decides which; this class only writes.
/// </summary>
public sealed class StatusReporter<TEntity>(StatusWriter<TEntity> writer, IEventRecorder events, TimeProvider clock, ILogger<StatusReporter<TEntity>> logger)
    where TEntity : class, IEcsResource
{
    public async Task ReadyAsync(TEntity obj, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        Conditions.MarkReady(obj.ResourceStatus, obj.Metadata.Generation, ConditionReasons.Synced, message, clock.GetUtcNow());
        await writer.WriteAsync(obj, cancellationToken);
    }

    public async Task ReconcilingAsync(TEntity obj, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        Conditions.MarkReconciling(obj.ResourceStatus, obj.Metadata.Generation, reason, message, clock.GetUtcNow());
        await writer.WriteAsync(obj, cancellationToken);
    }

    /// <summary>
    /// Marks the object Stalled and records a Warning event (once per reason and message). Without
    /// <paramref name="recheckAfter"/> it ends in the runtime's terminal error: no retry until the object changes.
    /// With it (access denied, a priority held by another rule), the object is looked at again then, since the fix
    /// may happen outside Kubernetes.
    /// </summary>
    public async Task<ReconcileResult> StalledAsync(TEntity obj, string reason, string message, TimeSpan? recheckAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var alreadyStalled = Conditions.Find(obj.ResourceStatus, ConditionTypes.Stalled) is { Status: ConditionStatus.True } c
            && c.Reason == reason && c.Message == message;
        Conditions.MarkStalled(obj.ResourceStatus, obj.Metadata.Generation, reason, message, clock.GetUtcNow());
        await writer.WriteAsync(obj, cancellationToken);
        if (!alreadyStalled)
        {
            await events.RecordAsync(obj, EventSeverity.Warning, reason, "Reconcile", message, cancellationToken);
        }

        return recheckAfter is { } recheck
            ? ReconcileResult.After(recheck)
            : throw new TerminalReconcileException(message) { Reason = reason, AlreadyReported = true };
    }

    /// <summary>Writes the status as it is now, before a call whose effect must be recognisable after a crash.</summary>
    public Task SaveAsync(TEntity obj, CancellationToken cancellationToken) => writer.WriteAsync(obj, cancellationToken);

    /// <summary>The object with the newest status this process knows (<see cref="StatusWriter{TEntity}.Freshest"/>).</summary>
    public TEntity Freshest(TEntity obj) => writer.Freshest(obj);

    /// <summary>An AWS mutation: logged, and a Normal event on the object (DESIGN.md §6: every mutation is also an Event).</summary>
    public Task MutatedAsync(TEntity obj, string reason, string action, string note, CancellationToken cancellationToken)
    {
        Log.Mutated(logger, action, note);
        return events.RecordAsync(obj, EventSeverity.Normal, reason, action, note, cancellationToken);
    }

    /// <summary>A Warning event that is not a condition (drift corrected, an ECS service event).</summary>
    public Task RecordAsync(TEntity obj, EventSeverity severity, string reason, string action, string note, CancellationToken cancellationToken) =>
        events.RecordAsync(obj, severity, reason, action, note, cancellationToken);

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

namespace EcsOperator.Controllers.Shared;

/// <summary>How a kind's step ended, which the template turns into conditions and a requeue.</summary>
public enum OutcomeState
{
    /// <summary>AWS matches the spec: Ready=True, reason Synced; the periodic resync looks again.</summary>
    Ready,

    /// <summary>Work in progress: Reconciling=True with the reason, looked at again after RequeueAfter.</summary>
    Reconciling,

    /// <summary>A human must act: Stalled=True. With RequeueAfter it is also re-checked then; without, it waits for an edit.</summary>
    Stalled,
}

/// <summary>The result of a reconcile or finalize step, in kstatus terms.</summary>
public readonly record struct SyncOutcome(OutcomeState State, string Reason, string Message, TimeSpan? RequeueAfter)
{
    public static SyncOutcome Ready(string message) => new(OutcomeState.Ready, ConditionReasons.Synced, message, null);

    public static SyncOutcome Reconciling(string reason, string message, TimeSpan requeueAfter) =>
        new(OutcomeState.Reconciling, reason, message, requeueAfter);

    /// <summary>Stalled until the object changes, or, with <paramref name="recheckAfter"/>, also re-checked then.</summary>
    public static SyncOutcome Stalled(string reason, string message, TimeSpan? recheckAfter = null) =>
        new(OutcomeState.Stalled, reason, message, recheckAfter);
}

/// <summary>
/// Ends a sync step early with an outcome: a kind's Describe, Create or Update found that AWS is not ready for the next
/// step yet (ECS does not see a just-made change), which is neither an error to back off from nor a result to map.
/// </summary>
public sealed class SyncOutcomeException(SyncOutcome outcome) : Exception(outcome.Message)
{
    public SyncOutcome Outcome { get; } = outcome;
}

/// <summary>What a finalizer step found: the AWS side is gone (the finalizer may go), or it must wait.</summary>
public readonly record struct DeleteOutcome(bool Gone, string Reason, string Message, TimeSpan RequeueAfter)
{
    public static DeleteOutcome Deleted { get; } = new(true, string.Empty, string.Empty, TimeSpan.Zero);

    public static DeleteOutcome Waiting(string reason, string message, TimeSpan requeueAfter) => new(false, reason, message, requeueAfter);
}

/// <summary>A field that cannot change once applied: its path, the value AWS has (from status), and the spec's value.</summary>
public readonly record struct ImmutableField(string Path, string? Applied, string? Desired, string Advice);

namespace EcsOperator.Runtime.Reconcile;

/// <summary>What a reconcile asks the runtime to do next. Errors are thrown, not returned.</summary>
public readonly record struct ReconcileResult(TimeSpan? RequeueAfter)
{
    /// <summary>Converged: nothing to do until the object changes or the periodic resync comes round.</summary>
    public static ReconcileResult Done { get; } = new(null);

    /// <summary>
    /// Look again after the given delay (a rollout in progress, a dependency being created). A delay of at least the
    /// resync period counts as <see cref="Done"/>: the periodic resync is the one source of steady-state reconciles.
    /// </summary>
    public static ReconcileResult After(TimeSpan delay) => new(delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
}

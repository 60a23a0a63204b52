using EcsOperator.Entities;

namespace EcsOperator.Runtime.Status;

/// <summary>
/// kstatus conditions. Ready is always present; Reconciling and Stalled are "abnormal-true" conditions, present only
/// while true, so that `kubectl wait --for=condition=Ready`, Flux and Argo CD read the state without custom checks.
/// lastTransitionTime moves only when a condition's status flips, so rewriting the same state is a no-op.
/// </summary>
public static class Conditions
{
    /// <summary>Converged: Ready=True; Reconciling and Stalled removed.</summary>
    public static void MarkReady(ResourceStatus status, long? generation, string reason, string message, DateTimeOffset now)
    {
        Set(status, ConditionTypes.Ready, ConditionStatus.True, reason, message, generation, now);
        Remove(status, ConditionTypes.Reconciling);
        Remove(status, ConditionTypes.Stalled);
    }

    /// <summary>Work in progress: Reconciling=True, Ready=False with the same reason; Stalled removed.</summary>
    public static void MarkReconciling(ResourceStatus status, long? generation, string reason, string message, DateTimeOffset now)
    {
        Set(status, ConditionTypes.Reconciling, ConditionStatus.True, reason, message, generation, now);
        Set(status, ConditionTypes.Ready, ConditionStatus.False, reason, message, generation, now);
        Remove(status, ConditionTypes.Stalled);
    }

    /// <summary>A human must act: Stalled=True, Ready=False with the same reason; Reconciling removed.</summary>
    public static void MarkStalled(ResourceStatus status, long? generation, string reason, string message, DateTimeOffset now)
    {
        Set(status, ConditionTypes.Stalled, ConditionStatus.True, reason, message, generation, now);
        Set(status, ConditionTypes.Ready, ConditionStatus.False, reason, message, generation, now);
        Remove(status, ConditionTypes.Reconciling);
    }

    public static Condition? Find(ResourceStatus status, string type)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Conditions.FirstOrDefault(c => c.Type == type);
    }

    public static bool IsTrue(ResourceStatus status, string type) => Find(status, type)?.Status == ConditionStatus.True;

    /// <summary>Sets one condition, keeping its lastTransitionTime unless the status value changes.</summary>
    public static void Set(ResourceStatus status, string type, string value, string reason, string message, long? generation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        var existing = Find(status, type);
        if (existing is null)
        {
            existing = new Condition { Type = type };
            status.Conditions.Add(existing);
        }

        if (existing.Status != value || existing.LastTransitionTime is null)
        {
            // Kubernetes serialises condition times to the second; keeping the same precision makes the
            // in-memory status equal to what the server returns, so that an unchanged status is not written again.
            existing.LastTransitionTime = TruncateToSeconds(now);
        }

        existing.Status = value;
        existing.Reason = reason;
        existing.Message = message;
        existing.ObservedGeneration = generation;
    }

    public static void Remove(ResourceStatus status, string type)
    {
        ArgumentNullException.ThrowIfNull(status);
        var existing = Find(status, type);
        if (existing is not null)
        {
            status.Conditions.Remove(existing);
        }
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);
}

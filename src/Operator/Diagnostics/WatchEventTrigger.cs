using System.Diagnostics;

namespace EcsOperator.Diagnostics;

/// <summary>
/// Carries "this reconcile was caused by a watch event received at T" from the runtime to the AWS clients, so that
/// ecs_operator_watch_event_to_aws_call_seconds can time the path watch event → queue → reconcile → first AWS call.
/// It lives apart from Runtime/ and Aws/ because neither may depend on the other. An AsyncLocal, because the reconcile
/// flows through the reconciler and the AWS pipeline without a parameter for it.
/// </summary>
public static class WatchEventTrigger
{
    private static readonly AsyncLocal<Trigger?> Current = new();

    /// <summary>Marks the reconcile that runs on this async flow as caused by an event received at <paramref name="receivedTimestamp"/>.</summary>
    public static Scope Begin(long receivedTimestamp)
    {
        Current.Value = new Trigger(receivedTimestamp);
        return default;
    }

    /// <summary>
    /// For the first AWS call of a reconcile caused by a watch event: how long ago the event was received. Null for
    /// every later call, and for reconciles that a resync or a retry started.
    /// </summary>
    public static TimeSpan? TakeFirstCall()
    {
        var trigger = Current.Value;
        return trigger is not null && Interlocked.Exchange(ref trigger.Taken, 1) == 0
            ? Stopwatch.GetElapsedTime(trigger.ReceivedTimestamp)
            : null;
    }

    /// <summary>Ends the trigger when the reconcile ends.</summary>
    public readonly struct Scope : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }

    private sealed class Trigger(long receivedTimestamp)
    {
        public readonly long ReceivedTimestamp = receivedTimestamp;
        public int Taken;
    }
}

using AwsFaultProxy;
using EcsOperator.ReliabilityTests.CrashPoints;

namespace EcsOperator.ReliabilityTests.Failover;

/// <summary>
/// The mutating AWS calls of the proxy's record, each with the replica that made it (the <c>app/ecs-operator.…</c>
/// part of its User-Agent) and the time it was in flight. Two replicas must never have mutations in flight at once:
/// a replica's first mutation after a hand-over starts after the previous replica's last one was answered.
/// </summary>
internal sealed class MutationTimeline(IReadOnlyList<CallRecord> journal)
{
    public IReadOnlyList<CallRecord> Mutations { get; } = [.. journal.Where(c => !RestartCost.IsRead(c.Operation)).OrderBy(c => c.Started)];

    public IReadOnlyList<string> Replicas => [.. Mutations.Select(c => Replica(c.UserAgent)).Distinct()];

    /// <summary>Pairs of calls from different replicas whose in-flight windows overlap.</summary>
    public IReadOnlyList<string> Overlaps()
    {
        List<string> overlaps = [];
        var lastEndByReplica = new Dictionary<string, CallRecord>();
        foreach (var call in Mutations)
        {
            var replica = Replica(call.UserAgent);
            foreach (var (other, last) in lastEndByReplica.Where(e => e.Key != replica && e.Value.Completed > call.Started))
            {
                overlaps.Add($"{replica} started {call.Operation} at {call.Started:HH:mm:ss.fff} while {other}'s {last.Operation} ran until {last.Completed:HH:mm:ss.fff}");
            }

            if (!lastEndByReplica.TryGetValue(replica, out var previous) || previous.Completed < call.Completed)
            {
                lastEndByReplica[replica] = call;
            }
        }

        return overlaps;
    }

    /// <summary>The replica id from the SDK's User-Agent (<c>… app/ecs-operator.pid-123</c>); "unknown" when absent.</summary>
    public static string Replica(string? userAgent) =>
        userAgent?.Split(' ').FirstOrDefault(p => p.StartsWith("app/", StringComparison.Ordinal))?["app/".Length..] ?? "unknown";
}

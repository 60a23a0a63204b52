namespace AwsFaultProxy;

/// <summary>
/// Counts for one operation. <see cref="Calls"/> are calls the client made to the proxy; <see cref="Forwarded"/>
/// are requests sent upstream (a paged call may send several); <see cref="Injected"/> counts calls per injected
/// fault kind (a delayed call that is also throttled counts under both); <see cref="UpstreamStatus"/> counts
/// the upstream's HTTP status codes.
/// </summary>
public sealed record OperationStats(
    string Service,
    string Operation,
    long Calls,
    long Forwarded,
    IReadOnlyDictionary<FaultKind, long> Injected,
    IReadOnlyDictionary<int, long> UpstreamStatus)
{
    /// <summary>Calls answered with a throttling error (Throttle and TokenBucket rules).</summary>
    public long Throttled => Injected.GetValueOrDefault(FaultKind.Throttle) + Injected.GetValueOrDefault(FaultKind.TokenBucket);

    /// <summary>Calls that got a fault: everything but latency, paging and held answers (they are genuine, only late).</summary>
    public long Faulted => Injected.Where(i => i.Key is not (FaultKind.Latency or FaultKind.SplitPages or FaultKind.HoldResponse)).Sum(i => i.Value);

    /// <summary>
    /// Calls the upstream or the ECS front answered with a 2xx, whether or not the client received the answer (a
    /// DropResponse or a held answer counts): e.g. "exactly one successful CreateService".
    /// </summary>
    public long Succeeded { get; init; }
}

namespace AwsFaultProxy;

/// <summary>
/// One call in arrival order, for asserting sequences (e.g. that a seed replays the same faults).
/// <see cref="ClientStatus"/> is what the client got, null when the connection was dropped.
/// </summary>
public sealed record CallRecord(long Sequence, string Service, string Operation, int DelayMilliseconds, FaultKind? Fault, int? ClientStatus);

namespace AwsFaultProxy;

/// <summary>Everything at once, as served by <c>GET /__proxy/stats</c>.</summary>
public sealed record StatsSnapshot(int Seed, long TotalCalls, long TotalFaulted, IReadOnlyList<OperationStats> Operations);

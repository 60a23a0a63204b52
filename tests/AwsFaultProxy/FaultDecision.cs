namespace AwsFaultProxy;

/// <summary>What the rules decided for one call: a delay, at most one fault, and at most one pager.</summary>
internal sealed record FaultDecision(TimeSpan Delay, FaultRule? Fault, FaultRule? Pager);

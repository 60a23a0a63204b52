namespace AwsFaultProxy;

/// <summary>
/// What the rules decided for one call: a delay, at most one fault, at most one pager, and whether its answer is held
/// (the installed rule itself, so that a hold that never happened can give its call back).
/// </summary>
internal sealed record FaultDecision(TimeSpan Delay, FaultRule? Fault, FaultRule? Pager, ActiveRule? Hold = null);

namespace AwsFaultProxy;

/// <summary>What the rules decided for one call: a delay, at most one fault, at most one pager, and whether its answer is held.</summary>
internal sealed record FaultDecision(TimeSpan Delay, FaultRule? Fault, FaultRule? Pager, FaultRule? Hold = null)
{
    /// <summary>The installed rule behind <see cref="Hold"/>, to give its call back when the hold never happened.</summary>
    internal ActiveRule? HoldRule { get; init; }
}

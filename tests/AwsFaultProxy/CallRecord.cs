namespace AwsFaultProxy;

/// <summary>
/// One call in arrival order, for asserting sequences (e.g. that a seed replays the same faults).
/// <see cref="ClientStatus"/> is what the client got, null when the connection was dropped.
/// <see cref="Started"/> (the request arrived) and <see cref="Completed"/> (its answer was decided) let a test prove
/// that two clients never had mutating calls in flight at once; <see cref="UserAgent"/> tells the clients apart.
/// </summary>
public sealed record CallRecord(long Sequence, string Service, string Operation, int DelayMilliseconds, FaultKind? Fault, int? ClientStatus)
{
    public DateTimeOffset Started { get; init; }

    public DateTimeOffset Completed { get; init; }

    public string? UserAgent { get; init; }
}

/// <summary>Who made a call and when it arrived: taken when the request is read, stored on its <see cref="CallRecord"/>.</summary>
internal sealed record CallOrigin(DateTimeOffset Started, string? UserAgent)
{
    private const string ItemKey = "AwsFaultProxy.CallOrigin";

    public static void Capture(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.Items[ItemKey] = new CallOrigin(DateTimeOffset.UtcNow, context.Request.Headers.UserAgent.ToString());

    public static CallOrigin? Of(Microsoft.AspNetCore.Http.HttpContext context) => context.Items.TryGetValue(ItemKey, out var origin) ? origin as CallOrigin : null;
}

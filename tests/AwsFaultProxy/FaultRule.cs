using System.Globalization;

namespace AwsFaultProxy;

/// <summary>
/// One injection rule. <see cref="Service"/> and <see cref="Operation"/> are patterns: <c>*</c> and <c>?</c>
/// wildcards, alternatives separated by <c>,</c> or <c>|</c>, case-insensitive (e.g. <c>Describe*,List*</c>).
/// A rule sees every matching call; it fires on calls in its window (<see cref="SkipCalls"/>, then
/// <see cref="FirstCalls"/>) with <see cref="Probability"/>, drawn from the proxy's seed.
/// Build one with the factories and refine it with <c>with</c>:
/// <c>FaultRule.Throttle("ecs", "List*") with { FirstCalls = 2 }</c>.
/// </summary>
public sealed record FaultRule
{
    public string Service { get; init; } = "*";

    public string Operation { get; init; } = "*";

    public FaultKind Fault { get; init; }

    /// <summary>Chance (0..1) that the rule fires on a call inside its window.</summary>
    public double Probability { get; init; } = 1.0;

    /// <summary>Matching calls to let through before the window opens.</summary>
    public int SkipCalls { get; init; }

    /// <summary>Size of the window in matching calls; null means every call after <see cref="SkipCalls"/>.</summary>
    public int? FirstCalls { get; init; }

    /// <summary>For <see cref="FaultKind.ServerError"/>: the HTTP status (500 when 0).</summary>
    public int StatusCode { get; init; }

    /// <summary>Overrides the error code written for Throttle, TokenBucket and ServerError.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>For <see cref="FaultKind.Latency"/>: the delay added before the call is handled.</summary>
    public int LatencyMilliseconds { get; init; }

    /// <summary>For <see cref="FaultKind.TokenBucket"/>: tokens added per second.</summary>
    public double RatePerSecond { get; init; }

    /// <summary>For <see cref="FaultKind.TokenBucket"/>: bucket size, and the tokens it starts with.</summary>
    public int Burst { get; init; }

    /// <summary>For <see cref="FaultKind.SplitPages"/>: items per page.</summary>
    public int PageSize { get; init; }

    /// <summary>For <see cref="FaultKind.SplitPages"/>: the list member; known ECS list operations need none.</summary>
    public string? ListKey { get; init; }

    public static FaultRule Throttle(string service, string operation = "*", double probability = 1.0) =>
        new() { Service = service, Operation = operation, Fault = FaultKind.Throttle, Probability = probability };

    public static FaultRule ServerError(string service, string operation = "*", int statusCode = 500, double probability = 1.0) =>
        new() { Service = service, Operation = operation, Fault = FaultKind.ServerError, StatusCode = statusCode, Probability = probability };

    public static FaultRule Delay(string service, string operation, TimeSpan latency, double probability = 1.0) =>
        new() { Service = service, Operation = operation, Fault = FaultKind.Latency, LatencyMilliseconds = (int)latency.TotalMilliseconds, Probability = probability };

    public static FaultRule Drop(string service, string operation = "*", double probability = 1.0) =>
        new() { Service = service, Operation = operation, Fault = FaultKind.Drop, Probability = probability };

    public static FaultRule DropResponse(string service, string operation = "*", double probability = 1.0) =>
        new() { Service = service, Operation = operation, Fault = FaultKind.DropResponse, Probability = probability };

    public static FaultRule TokenBucket(string service, string operation, double ratePerSecond, int burst) =>
        new() { Service = service, Operation = operation, Fault = FaultKind.TokenBucket, RatePerSecond = ratePerSecond, Burst = burst };

    /// <summary>Applies the call, then holds its answer: see <see cref="ResponseHolds"/>. Usually with <c>FirstCalls = 1</c>.</summary>
    public static FaultRule HoldResponse(string service, string operation) =>
        new() { Service = service, Operation = operation, Fault = FaultKind.HoldResponse };

    public static FaultRule SplitPages(string service, string operation, int pageSize, string? listKey = null) =>
        new() { Service = service, Operation = operation, Fault = FaultKind.SplitPages, PageSize = pageSize, ListKey = listKey };

    /// <summary>Throws <see cref="ArgumentException"/> when the rule cannot mean anything.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Service) && !string.IsNullOrWhiteSpace(Operation), "service and operation patterns must not be empty");
        Require(Probability is >= 0 and <= 1, "probability must be within 0..1");
        Require(SkipCalls >= 0 && FirstCalls is null or >= 0, "skipCalls and firstCalls must not be negative");
        Require(Fault != FaultKind.ServerError || StatusCode is 0 or (>= 500 and <= 599), "serverError statusCode must be 5xx");
        Require(Fault != FaultKind.Latency || LatencyMilliseconds > 0, "latency needs latencyMilliseconds > 0");
        Require(Fault != FaultKind.TokenBucket || (RatePerSecond >= 0 && Burst >= 0), "tokenBucket needs ratePerSecond >= 0 and burst >= 0");
        Require(Fault != FaultKind.SplitPages || PageSize > 0, "splitPages needs pageSize > 0");
        Require(Enum.IsDefined(Fault), string.Create(CultureInfo.InvariantCulture, $"unknown fault {(int)Fault}"));
    }

    private void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid fault rule {Service}/{Operation} {Fault}: {message}");
        }
    }
}

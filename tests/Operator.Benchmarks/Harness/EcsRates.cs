using AwsFaultProxy;

namespace EcsOperator.Benchmarks.Harness;

/// <summary>
/// The AWS account's throttle as the fault proxy emulates it: one token bucket per group of operations.
/// <para>
/// Source: "Request throttling for the Amazon ECS API",
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html. Published there: cluster read
/// actions (DescribeClusters) have a bucket of 50 tokens refilled at 20 per second. The other numbers are GUESSES,
/// marked so below, because the page's per-action table was not reachable where this was written: they are taken to
/// be the buckets the operator's own default budget is sized against (src/Operator/Aws/Budget/AwsBudgetOptions.cs:
/// the same rates, and the operator's bursts kept 10% under these), so that an operator at its defaults is never
/// throttled by the emulated account, which is the claim under test.
/// </para>
/// </summary>
public static class EcsRates
{
    /// <summary>One emulated bucket: the operations it covers, its refill rate and its size.</summary>
    public sealed record Bucket(string Service, string Operations, double RatePerSecond, int Burst, bool Published)
    {
        public bool IsMutating => !Operations.StartsWith("Describe", StringComparison.Ordinal);
    }

    public static IReadOnlyList<Bucket> Unscaled { get; } =
    [
        new("ecs", "DescribeClusters", 20, 50, Published: true),
        new("ecs", "DescribeS*,DescribeT*,DescribeC?p*,List*", 20, 50, Published: false), // GUESS: the same as cluster reads; not DescribeClusters, which has its own
        new("ecs", "Create*,Update*,Delete*,Register*,Deregister*,Tag*,Untag*,Put*", 5, 20, Published: false), // GUESS: the operator's mutate budget
        new("elasticloadbalancing", "*", 10, 20, Published: false), // GUESS: ELBv2 publishes no per-action numbers
    ];

    /// <summary>A read call (Describe*, List*): what the steady-state bound counts; everything else mutates.</summary>
    public static bool IsRead(string operation) =>
        operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal);

    /// <summary>The buckets at <paramref name="scale"/>; bursts never below 1.</summary>
    public static IReadOnlyList<Bucket> Scaled(double scale) =>
        [.. Unscaled.Select(b => b with { RatePerSecond = b.RatePerSecond * scale, Burst = Math.Max(1, (int)Math.Round(b.Burst * scale)) })];

    /// <summary>The proxy rules. Every matching bucket spends a token, so the patterns do not overlap.</summary>
    public static IEnumerable<FaultRule> Rules(double scale) =>
        Scaled(scale).Select(b => FaultRule.TokenBucket(b.Service, b.Operations, b.RatePerSecond, b.Burst));
}

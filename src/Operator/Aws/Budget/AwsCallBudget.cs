using EcsOperator.Aws.Core;
using EcsOperator.RateLimiting;

namespace EcsOperator.Aws.Budget;

/// <summary>One token bucket per API family. Every attempt (retries included) takes a token before it is sent.</summary>
public sealed class AwsCallBudget
{
    private readonly Dictionary<AwsApiFamily, TokenBucket> _buckets;

    public AwsCallBudget(AwsBudgetOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Scale);
        _buckets = Enum.GetValues<AwsApiFamily>().ToDictionary(
            family => family,
            family => new TokenBucket(options.For(family).RatePerSecond, options.For(family).Burst, time));
        Options = options;
    }

    public AwsBudgetOptions Options { get; }

    public TokenBucket Bucket(AwsApiFamily family) => _buckets[family];

    /// <summary>Waits for a token of the family; never fails for lack of one (only cancellation stops it).</summary>
    public ValueTask<TimeSpan> WaitAsync(AwsApiFamily family, CancellationToken cancellationToken) =>
        _buckets[family].TakeAsync(cancellationToken);
}

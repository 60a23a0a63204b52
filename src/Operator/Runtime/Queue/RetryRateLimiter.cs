using EcsOperator.RateLimiting;
namespace EcsOperator.Runtime.Queue;

/// <summary>
/// How long a failed key waits before its retry: the larger of its own exponential backoff and the global token
/// bucket's reservation, like client-go's DefaultControllerRateLimiter.
/// </summary>
public sealed class RetryRateLimiter<TKey>(ItemExponentialBackoff<TKey> perKey, TokenBucket overall)
    where TKey : notnull
{
    /// <summary>client-go's DefaultControllerRateLimiter: 5 ms → 1000 s per key, 10 qps with a burst of 100 overall.</summary>
    public RetryRateLimiter()
        : this(new ItemExponentialBackoff<TKey>(), TokenBucket.Default())
    {
    }

    public TimeSpan When(TKey key)
    {
        var own = perKey.NextDelay(key);
        var global = overall.Reserve();
        return own > global ? own : global;
    }

    public int Retries(TKey key) => perKey.Failures(key);

    public void Forget(TKey key) => perKey.Forget(key);
}

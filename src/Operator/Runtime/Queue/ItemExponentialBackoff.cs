using System.Collections.Concurrent;

namespace EcsOperator.Runtime.Queue;

/// <summary>
/// Per-key failure backoff, as client-go's ItemExponentialFailureRateLimiter: base × 2^failures, capped, and
/// forgotten on success so that a healthy key starts fast again.
/// </summary>
public sealed class ItemExponentialBackoff<TKey>(TimeSpan baseDelay, TimeSpan maxDelay)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, int> _failures = new();

    /// <summary>client-go's defaults: 5 ms doubling up to 1000 s.</summary>
    public ItemExponentialBackoff()
        : this(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000))
    {
    }

    /// <summary>Records one more failure of the key and returns how long to wait before retrying it.</summary>
    public TimeSpan NextDelay(TKey key)
    {
        var failures = _failures.AddOrUpdate(key, 1, (_, n) => n + 1);
        return DelayFor(failures);
    }

    public int Failures(TKey key) => _failures.TryGetValue(key, out var n) ? n : 0;

    public void Forget(TKey key) => _failures.TryRemove(key, out _);

    private TimeSpan DelayFor(int failures)
    {
        // 2^(failures-1) overflows a double's useful range long before 1000 s caps it; clamp the exponent first.
        var exponent = Math.Min(failures - 1, 62);
        var ticks = baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }
}

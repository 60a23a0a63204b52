namespace EcsOperator.Runtime.Queue;

/// <summary>
/// A token bucket that hands out reservations instead of blocking: <see cref="Reserve"/> says how long the caller
/// must wait for its token. It bounds the overall retry rate across every key (client-go: 10 qps, burst 100).
/// </summary>
public sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly double _ratePerSecond;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _lastTimestamp;

    public TokenBucket(double ratePerSecond, int burst, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _ratePerSecond = ratePerSecond;
        _burst = burst;
        _tokens = burst;
        _time = time ?? TimeProvider.System;
        _lastTimestamp = _time.GetTimestamp();
    }

    /// <summary>client-go's default controller bucket: 10 per second with a burst of 100.</summary>
    public static TokenBucket Default() => new(10, 100);

    /// <summary>Takes one token (possibly going into debt) and returns the wait until that token exists.</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_lastTimestamp, now).TotalSeconds;
            _lastTimestamp = now;
            _tokens = Math.Min(_burst, _tokens + (elapsed * _ratePerSecond));
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _ratePerSecond);
        }
    }
}

namespace EcsOperator.Aws.Budget;

/// <summary>
/// A token bucket that makes callers wait instead of failing: each call takes a token; when none is left the caller
/// reserves the next one (the count goes negative) and sleeps until the refill reaches it, so waiters are served in
/// arrival order at the sustained rate. A cancelled waiter hands its reservation back.
/// </summary>
public sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(double ratePerSecond, double burst, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        RatePerSecond = ratePerSecond;
        Burst = burst;
        _time = time ?? TimeProvider.System;
        _tokens = burst;
        _lastRefill = _time.GetTimestamp();
    }

    public double RatePerSecond { get; }

    public double Burst { get; }

    /// <summary>Tokens available now (negative while callers are queued).</summary>
    public double Available
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens;
            }
        }
    }

    /// <summary>Takes one token, waiting as long as needed. Returns how long the caller waited.</summary>
    public async ValueTask<TimeSpan> TakeAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            Refill();
            _tokens -= 1;
            wait = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / RatePerSecond);
        }

        if (wait == TimeSpan.Zero)
        {
            return wait;
        }

        try
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _tokens += 1;
            }

            throw;
        }

        return wait;
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastRefill, now).TotalSeconds;
        _lastRefill = now;
        _tokens = Math.Min(Burst, _tokens + (elapsed * RatePerSecond));
    }
}

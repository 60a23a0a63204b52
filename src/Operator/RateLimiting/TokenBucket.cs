namespace EcsOperator.RateLimiting;

/// <summary>
/// The one token bucket of the operator, for the runtime's overall retry rate and for the AWS call budgets. Each
/// call takes a token; when none is left the caller reserves the next one (the count goes negative), so callers are
/// served in arrival order at the sustained rate. <see cref="Reserve"/> only says how long to wait (the work queue
/// schedules the retry that late); <see cref="TakeAsync"/> waits, and a cancelled waiter hands its token back.
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

    /// <summary>client-go's default controller bucket: 10 per second with a burst of 100.</summary>
    public static TokenBucket Default() => new(10, 100);

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

    /// <summary>Takes one token (possibly going into debt) without waiting; returns the wait until that token exists.</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            Refill();
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / RatePerSecond);
        }
    }

    /// <summary>Takes one token, waiting as long as needed. Returns how long the caller waited.</summary>
    public async ValueTask<TimeSpan> TakeAsync(CancellationToken cancellationToken)
    {
        var wait = Reserve();
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

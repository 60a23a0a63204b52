using System.Diagnostics;

namespace AwsFaultProxy;

/// <summary>An emulated AWS request budget: starts full at <c>burst</c>, refills at <c>rate</c> tokens per second.</summary>
internal sealed class TokenBucket(double ratePerSecond, int burst)
{
    private readonly Lock _gate = new();
    private double _tokens = burst;
    private long _lastRefill = Stopwatch.GetTimestamp();

    public bool TryTake()
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + (Stopwatch.GetElapsedTime(_lastRefill, now).TotalSeconds * ratePerSecond));
            _lastRefill = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}

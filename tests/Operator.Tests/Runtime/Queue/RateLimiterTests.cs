using EcsOperator.RateLimiting;
using EcsOperator.Runtime.Queue;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsOperator.Tests.Runtime.Queue;

public sealed class RateLimiterTests
{
    [Fact]
    public void Per_key_backoff_doubles_from_5_ms_and_stops_at_1000_s()
    {
        var backoff = new ItemExponentialBackoff<string>();
        var delays = Enumerable.Range(0, 30).Select(_ => backoff.NextDelay("ns/a")).ToList();

        Assert.Equal(TimeSpan.FromMilliseconds(5), delays[0]);
        Assert.Equal(TimeSpan.FromMilliseconds(10), delays[1]);
        Assert.Equal(TimeSpan.FromMilliseconds(20), delays[2]);
        Assert.Equal(TimeSpan.FromMilliseconds(5 * 1024), delays[10]);
        Assert.Equal(TimeSpan.FromSeconds(1000), delays[^1]);
        Assert.All(delays.Zip(delays.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
    }

    [Fact]
    public void Success_resets_a_keys_backoff_without_touching_other_keys()
    {
        var backoff = new ItemExponentialBackoff<string>();
        for (var i = 0; i < 5; i++)
        {
            backoff.NextDelay("ns/a");
            backoff.NextDelay("ns/b");
        }

        backoff.Forget("ns/a");

        Assert.Equal(TimeSpan.FromMilliseconds(5), backoff.NextDelay("ns/a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5 * 32), backoff.NextDelay("ns/b"));
    }

    [Fact]
    public void Token_bucket_lets_a_burst_through_then_spaces_calls_at_its_rate()
    {
        var clock = new FakeTimeProvider();
        var bucket = new TokenBucket(10, 100, clock);

        var burst = Enumerable.Range(0, 100).Select(_ => bucket.Reserve()).ToList();
        var beyond = bucket.Reserve();
        var next = bucket.Reserve();

        Assert.All(burst, wait => Assert.Equal(TimeSpan.Zero, wait));
        Assert.Equal(TimeSpan.FromMilliseconds(100), beyond);
        Assert.Equal(TimeSpan.FromMilliseconds(200), next);

        clock.Advance(TimeSpan.FromSeconds(10)); // refills (capped at the burst)
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
    }

    [Fact]
    public void A_retry_waits_for_the_longer_of_its_own_backoff_and_the_global_bucket()
    {
        var clock = new FakeTimeProvider();
        var limiter = new RetryRateLimiter<string>(new ItemExponentialBackoff<string>(), new TokenBucket(1, 1, clock));

        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("ns/a")); // bucket had a token; own backoff wins
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.When("ns/b")); // bucket empty: 1 s beats 5 ms
    }
}

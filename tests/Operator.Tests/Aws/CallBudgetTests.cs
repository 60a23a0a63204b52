using EcsOperator.Aws.Budget;
using EcsOperator.Aws.Core;
using EcsOperator.RateLimiting;
using Xunit;

namespace EcsOperator.Tests.Aws;

/// <summary>The client-side call budget: bursts pass at once, then callers wait (never fail), scaled per shard.</summary>
public sealed class CallBudgetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_burst_passes_without_waiting_and_the_next_caller_waits_instead_of_failing()
    {
        var bucket = new TokenBucket(ratePerSecond: 0.001, burst: 5);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TimeSpan.Zero, await bucket.TakeAsync(Ct));
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var sixth = bucket.TakeAsync(cancel.Token).AsTask();
        Assert.False(sixth.IsCompleted, "the sixth caller waits for the refill (1000 s at this rate)");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sixth);
    }

    [Fact]
    public async Task Queued_callers_are_spaced_by_the_sustained_rate()
    {
        var bucket = new TokenBucket(ratePerSecond: 0.001, burst: 1);
        await bucket.TakeAsync(Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var second = bucket.TakeAsync(cancel.Token).AsTask();
        var third = bucket.TakeAsync(cancel.Token).AsTask();

        Assert.True(bucket.Available < -1.9, $"two callers should be queued, available {bucket.Available}");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
        Assert.True(bucket.Available > -0.01, $"cancelled callers hand their reservation back, available {bucket.Available}");
    }

    [Fact]
    public void The_scale_factor_multiplies_every_family()
    {
        var options = new AwsBudgetOptions { Scale = 0.5 };

        Assert.Equal(new BucketSize(10, 22.5), options.For(AwsApiFamily.EcsDescribe));
        Assert.Equal(new BucketSize(2.5, 9), options.For(AwsApiFamily.EcsMutate));
    }

    [Fact]
    public void The_defaults_follow_ecs_published_read_throttle_with_a_burst_kept_under_the_servers()
    {
        var budget = new AwsCallBudget(new AwsBudgetOptions());

        // ECS: 20 a second, a bucket of 50; the client's burst stays 10% under, so jitter finds tokens in reserve.
        Assert.Equal((20, 45), (budget.Bucket(AwsApiFamily.EcsDescribe).RatePerSecond, budget.Bucket(AwsApiFamily.EcsDescribe).Burst));
    }

    [Fact]
    public void A_scale_of_zero_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AwsCallBudget(new AwsBudgetOptions { Scale = 0 }));
}

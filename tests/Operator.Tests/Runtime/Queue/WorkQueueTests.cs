using System.Collections.Concurrent;
using EcsOperator.Runtime.Queue;
using EcsOperator.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsOperator.Tests.Runtime.Queue;

public sealed class WorkQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_delayed_add_is_dropped_when_the_key_runs_before_it_is_due()
    {
        var clock = new FakeTimeProvider();
        await using var queue = new WorkQueue<string>(time: clock);
        queue.AddAfter("ns/a", TimeSpan.FromSeconds(10));
        queue.Add("ns/a"); // a watch event: the key runs now, and that run decides its next schedule

        var taken = await queue.TryTakeAsync(Ct);
        queue.Done(taken.Item);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.True(queue.IsIdle); // nothing due, nothing queued: the key does not run a second time
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task A_drained_burst_gives_its_slots_back()
    {
        await using var queue = new WorkQueue<string>();
        for (var i = 0; i < 10_000; i++)
        {
            queue.Add($"ns/o{i}");
        }

        var burst = queue.ReservedSlots;
        for (var i = 0; i < 10_000; i++)
        {
            var taken = await queue.TryTakeAsync(Ct);
            queue.Done(taken.Item);
        }

        Assert.True(burst >= 30_000, $"the burst held {burst} slots");
        Assert.InRange(queue.ReservedSlots, 0, 3 * 256);
    }

    [Fact]
    public async Task A_key_added_twice_before_it_is_taken_is_handed_out_once()
    {
        await using var queue = new WorkQueue<string>();
        queue.Add("ns/a");
        queue.Add("ns/a");
        queue.Add("ns/b");

        Assert.Equal(2, queue.Depth);
        var first = await queue.TryTakeAsync(Ct);
        var second = await queue.TryTakeAsync(Ct);
        Assert.Equal(["ns/a", "ns/b"], new[] { first.Item, second.Item });
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task A_key_added_while_it_is_processed_runs_once_more_after_done_and_not_before()
    {
        await using var queue = new WorkQueue<string>();
        queue.Add("ns/a");
        var taken = await queue.TryTakeAsync(Ct);

        queue.Add("ns/a");
        queue.Add("ns/a");
        Assert.Equal(0, queue.Depth); // not handed to a second worker while the first still holds it

        queue.Done(taken.Item);
        Assert.Equal(1, queue.Depth);
        var again = await queue.TryTakeAsync(Ct);
        Assert.Equal("ns/a", again.Item);
        queue.Done(again.Item);
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task Eight_workers_never_process_one_key_concurrently_under_ten_thousand_adds()
    {
        await using var queue = new WorkQueue<string>();
        var running = new ConcurrentDictionary<string, int>();
        var lastAdd = new ConcurrentDictionary<string, long>();
        var lastStart = new ConcurrentDictionary<string, long>();
        var overlaps = 0;
        var sequence = 0L;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        async Task Worker()
        {
            while (true)
            {
                var (ok, key) = await queue.TryTakeAsync(stop.Token);
                if (!ok)
                {
                    return;
                }

                if (running.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                lastStart[key] = Interlocked.Increment(ref sequence);
                await Task.Yield();
                running.AddOrUpdate(key, 0, (_, n) => n - 1);
                queue.Done(key);
            }
        }

        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(Worker, Ct)).ToArray();
        var keys = Enumerable.Range(0, 20).Select(i => $"ns/obj-{i}").ToArray();
        await Parallel.ForAsync(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct }, (i, _) =>
        {
            var key = keys[i % keys.Length];
            lastAdd[key] = Interlocked.Increment(ref sequence);
            queue.Add(key);
            return ValueTask.CompletedTask;
        });

        // Every key must run again after its last add: wait (bounded) until the queue is idle.
        Assert.True(await Eventually.TrueAsync(() => queue.IsIdle));

        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Equal(0, overlaps);
        Assert.All(keys, key => Assert.True(lastStart[key] > lastAdd[key], $"{key} was not processed after its last add"));
    }

    [Fact]
    public async Task Delayed_adds_come_out_in_order_of_their_due_time()
    {
        var clock = new FakeTimeProvider();
        await using var queue = new WorkQueue<string>(time: clock);
        queue.AddAfter("ns/late", TimeSpan.FromMilliseconds(600));
        queue.AddAfter("ns/early", TimeSpan.FromMilliseconds(100));
        queue.AddAfter("ns/middle", TimeSpan.FromMilliseconds(350));
        Assert.Equal(0, queue.Depth);
        clock.Advance(TimeSpan.FromMilliseconds(600));

        List<string> order = [];
        for (var i = 0; i < 3; i++)
        {
            var (_, item) = await queue.TryTakeAsync(Ct);
            order.Add(item);
            queue.Done(item);
        }

        Assert.Equal(["ns/early", "ns/middle", "ns/late"], order);
    }

    [Fact]
    public async Task A_key_with_several_pending_delays_is_queued_once_at_the_earliest()
    {
        var clock = new FakeTimeProvider();
        await using var queue = new WorkQueue<string>(time: clock);
        queue.AddAfter("ns/a", TimeSpan.FromMilliseconds(400));
        queue.AddAfter("ns/a", TimeSpan.FromMilliseconds(50));
        queue.AddAfter("ns/b", TimeSpan.FromMilliseconds(200));
        clock.Advance(TimeSpan.FromMilliseconds(200));

        var first = await queue.TryTakeAsync(Ct);
        queue.Done(first.Item);
        var second = await queue.TryTakeAsync(Ct);
        queue.Done(second.Item);
        clock.Advance(TimeSpan.FromMilliseconds(300)); // past the 400 ms add

        Assert.Equal(("ns/a", "ns/b"), (first.Item, second.Item));
        Assert.True(queue.IsIdle); // the 400 ms add of ns/a was folded into the 50 ms one
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task Shutdown_waits_for_in_flight_work_and_then_hands_out_nothing()
    {
        await using var queue = new WorkQueue<string>();
        queue.Add("ns/busy");
        queue.Add("ns/waiting");
        var (_, busy) = await queue.TryTakeAsync(Ct);

        var shutdown = queue.ShutDownAsync(TimeSpan.FromSeconds(30));
        Assert.False(shutdown.IsCompleted); // it completes only on Done (or the 30 s deadline), not by itself

        queue.Done(busy);
        Assert.True(await shutdown);
        var after = await queue.TryTakeAsync(Ct);
        Assert.False(after.Ok);
    }

    [Fact]
    public async Task Shutdown_gives_up_on_work_that_outlives_the_deadline()
    {
        await using var queue = new WorkQueue<string>();
        queue.Add("ns/stuck");
        await queue.TryTakeAsync(Ct);

        Assert.False(await queue.ShutDownAsync(TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task Rate_limited_retries_back_off_and_count_as_retries()
    {
        await using var queue = new WorkQueue<string>();
        queue.AddRateLimited("ns/a");
        queue.AddRateLimited("ns/a");
        Assert.Equal(2, queue.Retries("ns/a"));

        var (_, item) = await queue.TryTakeAsync(Ct);
        queue.Done(item);
        queue.Forget(item);
        Assert.Equal(0, queue.Retries("ns/a"));
    }

    [Fact]
    public async Task A_fresh_add_of_a_key_in_backoff_runs_at_once_not_when_its_backoff_ends()
    {
        var clock = new FakeTimeProvider(); // never advanced: only the fresh add can hand the key out
        await using var queue = new WorkQueue<string>(time: clock);
        for (var i = 0; i < 20; i++)
        {
            queue.AddRateLimited("ns/a"); // twenty failures: 5 ms × 2^19, about 44 minutes
        }

        queue.Add("ns/a"); // a watch event: the user edited the object

        var (ok, item) = await queue.TryTakeAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.True(ok);
        Assert.Equal("ns/a", item);
        queue.Done(item);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(queue.IsIdle); // the backoff's own add was replaced by this run
    }

    [Fact]
    public async Task A_delayed_add_is_released_when_the_clock_passes_its_time_while_the_wake_up_timer_is_made()
    {
        var clock = new ClockThatMovesWhileATimerIsMade();
        await using var queue = new WorkQueue<string>(time: clock);
        queue.AddAfter("ns/warm", TimeSpan.FromSeconds(1)); // the release loop runs, and has consumed every wake-up
        clock.Advance(TimeSpan.FromSeconds(1));
        queue.Done((await queue.TryTakeAsync(Ct)).Item);

        clock.Skip = TimeSpan.FromSeconds(2);
        queue.AddAfter("ns/a", TimeSpan.FromSeconds(1)); // its 1 s timer is made after the clock passed 2 s

        var (ok, item) = await queue.TryTakeAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(ok);
        Assert.Equal("ns/a", item);
    }

    /// <summary>A fake clock that moves on once, just before a timer is created: a test's Advance racing the queue.</summary>
    private sealed class ClockThatMovesWhileATimerIsMade : FakeTimeProvider
    {
        public TimeSpan Skip { get; set; }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var skip = Skip;
            Skip = TimeSpan.Zero;
            if (skip > TimeSpan.Zero)
            {
                Advance(skip);
            }

            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}

using EcsOperator.Runtime.Queue;
using EcsOperator.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsOperator.Tests.Runtime.Queue;

/// <summary>
/// The queue's two lanes: fresh adds (watch events, resyncs) and due delayed adds (rollout polls, retries), served in
/// turn, so that a due requeue never waits behind a backlog of fresh objects (docs/performance.md, converge).
/// </summary>
public sealed class WorkQueueLaneTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_due_requeue_does_not_wait_behind_a_backlog_of_fresh_adds()
    {
        var clock = new FakeTimeProvider();
        await using var queue = new WorkQueue<string>(time: clock);
        for (var i = 0; i < 100; i++)
        {
            queue.Add($"ns/new{i}"); // a burst of new objects, each waiting for its own create
        }

        var created = await queue.TryTakeAsync(Ct);
        queue.AddAfter(created.Item, TimeSpan.FromSeconds(2)); // its rollout poll
        queue.Done(created.Item);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await Eventually.TrueAsync(() => queue.Depth == 100));

        var next = await queue.TryTakeAsync(Ct);

        Assert.Equal("ns/new0", next.Item); // the poll runs now, not after the 99 fresh adds queued before it was due
    }

    [Fact]
    public async Task A_key_queued_as_fresh_moves_to_the_due_lane_when_its_delay_comes_due()
    {
        var clock = new FakeTimeProvider();
        await using var queue = new WorkQueue<string>(time: clock);
        for (var i = 0; i < 50; i++)
        {
            queue.Add($"ns/new{i}");
        }

        queue.Add("ns/echo"); // the echo of its own finalizer patch: queued fresh, behind the backlog
        queue.AddAfter("ns/echo", TimeSpan.FromSeconds(2)); // its rollout poll
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await Eventually.TrueAsync(() => queue.DueDepth == 1));
        Assert.Equal(51, queue.Depth);

        var order = new List<string>();
        for (var i = 0; i < 51; i++)
        {
            var (_, item) = await queue.TryTakeAsync(Ct);
            order.Add(item);
            queue.Done(item);
        }

        Assert.Equal("ns/echo", order[0]); // in its due turn, not after the 50 fresh adds before it
        Assert.Single(order, "ns/echo"); // and once
        Assert.Equal(51, order.Distinct().Count());
    }

    [Fact]
    public async Task The_fresh_and_the_due_lane_take_turns_so_that_neither_starves()
    {
        var clock = new FakeTimeProvider();
        await using var queue = new WorkQueue<string>(time: clock);
        for (var i = 0; i < 3; i++)
        {
            queue.AddAfter($"ns/due{i}", TimeSpan.FromMilliseconds(10 * (i + 1)));
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Eventually.TrueAsync(() => queue.Depth == 3));
        for (var i = 0; i < 5; i++)
        {
            queue.Add($"ns/fresh{i}");
        }

        List<string> order = [];
        for (var i = 0; i < 8; i++)
        {
            var (_, item) = await queue.TryTakeAsync(Ct);
            order.Add(item);
            queue.Done(item);
        }

        Assert.Equal(["ns/due0", "ns/fresh0", "ns/due1", "ns/fresh1", "ns/due2", "ns/fresh2", "ns/fresh3", "ns/fresh4"], order);
    }

    [Fact]
    public async Task A_due_key_added_again_while_it_runs_comes_back_in_the_due_lane()
    {
        var clock = new FakeTimeProvider();
        var adds = new CountingMetrics();
        await using var queue = new WorkQueue<string>(metrics: adds, time: clock);
        queue.AddAfter("ns/poll", TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        var running = await queue.TryTakeAsync(Ct);
        queue.AddAfter("ns/poll", TimeSpan.FromSeconds(1)); // due again while it still runs
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Eventually.TrueAsync(() => adds.Adds == 2)); // released; held until done
        Assert.Equal(0, queue.Depth);
        queue.Add("ns/fresh0");
        queue.Add("ns/fresh1");
        queue.Done(running.Item);

        var order = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, item) = await queue.TryTakeAsync(Ct);
            order.Add(item);
            queue.Done(item);
        }

        // The lanes alternate after the first run of ns/poll (due): fresh, then the due requeue, then fresh.
        Assert.Equal(["ns/fresh0", "ns/poll", "ns/fresh1"], order);
    }

    private sealed class CountingMetrics : IWorkQueueMetrics
    {
        private int _adds;

        public int Adds => Volatile.Read(ref _adds);

        public void Added(int depth) => Interlocked.Increment(ref _adds);

        public void Started(TimeSpan waitedInQueue, int depth)
        {
        }

        public void Finished(TimeSpan workDuration)
        {
        }

        public void Retried()
        {
        }
    }
}

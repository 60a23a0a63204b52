using EcsOperator.Entities;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.Tests.Runtime.Controller;

public sealed class ControllerTests
{
    [Fact]
    public async Task Each_worker_reconciles_its_own_object_at_the_same_time()
    {
        await using var h = new ControllerHarness();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new Lock();
        var inFlight = 0;
        var most = 0;
        h.Reconciler.OnReconcile = async (_, _, _) =>
        {
            lock (gate)
            {
                most = Math.Max(most, ++inFlight);
            }

            await release.Task;
            lock (gate)
            {
                inFlight--;
            }

            return ReconcileResult.Done;
        };
        for (var i = 0; i < 6; i++)
        {
            h.Kube.Apply(Widget.Create("ns", $"w{i}"));
        }

        await h.StartAsync(workers: 4);

        // Nothing in the runtime (queue, status writer, event recorder) may serialize reconciles of different objects.
        Assert.True(await Eventually.TrueAsync(() => { lock (gate) { return inFlight == 4; } }));
        release.SetResult();
        Assert.True(await Eventually.TrueAsync(() => h.IsSettled && h.Reconciler.Reconciles("ns/w5") >= 1));
        lock (gate)
        {
            Assert.Equal(4, most); // and no more than the workers
        }
    }

    [Fact]
    public async Task The_finalizer_is_on_the_object_before_the_reconciler_first_runs()
    {
        await using var h = new ControllerHarness();
        var finalizerPresentAtFirstRun = new List<bool>();
        h.Reconciler.OnReconcile = (request, _, _) =>
        {
            lock (finalizerPresentAtFirstRun)
            {
                finalizerPresentAtFirstRun.Add(h.Kube.Peek(request.ToString())?.Metadata.Finalizers?.Contains(WellKnown.Finalizer) == true);
            }

            return Task.FromResult(ReconcileResult.Done);
        };
        h.Kube.Apply(Widget.Create("ns", "a"));
        await h.StartAsync();

        // Wait on what the callback recorded: the reconcile counter moves before the callback runs.
        Assert.True(await Eventually.TrueAsync(() => { lock (finalizerPresentAtFirstRun) { return finalizerPresentAtFirstRun.Count > 0; } }));
        lock (finalizerPresentAtFirstRun)
        {
            Assert.True(finalizerPresentAtFirstRun[0]);
        }
    }

    [Fact]
    public async Task Deleting_runs_finalize_until_it_is_done_and_only_then_lets_the_object_go()
    {
        await using var h = new ControllerHarness();
        var finalizeCalls = 0;
        h.Reconciler.OnFinalize = (_, _, _) =>
            Task.FromResult(Interlocked.Increment(ref finalizeCalls) == 1 ? ReconcileResult.After(TimeSpan.FromMilliseconds(50)) : ReconcileResult.Done);
        h.Kube.Apply(Widget.Create("ns", "a"));
        await h.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => h.Kube.Peek("ns/a")?.Metadata.Finalizers?.Count == 1));

        h.Kube.Delete("ns/a");

        Assert.True(await Eventually.TrueAsync(() => h.Kube.Peek("ns/a") is null));
        Assert.Equal(2, h.Reconciler.Finalizes("ns/a"));
    }

    [Fact]
    public async Task Status_only_updates_do_not_requeue_the_object_but_spec_changes_do()
    {
        await using var h = new ControllerHarness();
        h.Reconciler.OnReconcile = async (request, widget, ct) =>
        {
            // Writes a different status on every run: the worst case for a hot loop.
            widget!.Status.Runs = h.Reconciler.Reconciles(request.ToString());
            await h.StatusWriter.WriteAsync(widget, ct);
            return ReconcileResult.Done;
        };
        h.Kube.Apply(Widget.Create("ns", "a"));
        await h.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => h.Kube.StatusPatches > 0 && h.IsSettled));

        // Settled: the watch delivered every status write and nothing was queued for them (each run wrote once).
        var settled = h.Reconciler.Reconciles("ns/a");
        Assert.Equal(settled, h.Kube.StatusPatches);

        var changed = h.Kube.Peek("ns/a")!;
        changed.Spec.Size = 2;
        h.Kube.Apply(changed);
        Assert.True(await Eventually.TrueAsync(() => h.Reconciler.Reconciles("ns/a") > settled));
    }

    [Fact]
    public async Task A_terminal_error_is_not_retried_until_the_object_changes()
    {
        await using var h = new ControllerHarness();
        h.Reconciler.OnReconcile = (_, widget, _) => widget!.Spec.Size < 2
            ? throw new TerminalReconcileException("size must be at least 2") { Reason = "InvalidSpec" }
            : Task.FromResult(ReconcileResult.Done);
        h.Kube.Apply(Widget.Create("ns", "a"));
        await h.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => h.Reconciler.Reconciles("ns/a") >= 1 && h.Controller.ParkedCount == 1 && h.IsSettled));
        var parked = h.Reconciler.Reconciles("ns/a");

        var stalled = h.Kube.Peek("ns/a")!.Status;
        Assert.True(Conditions.IsTrue(stalled, ConditionTypes.Stalled));
        Assert.Equal("InvalidSpec", Conditions.Find(stalled, ConditionTypes.Ready)!.Reason);
        await h.Events.FlushAsync(TestContext.Current.CancellationToken); // events are sent after the reconcile, not within it
        Assert.Contains(h.Kube.Events, e => e.Reason == "InvalidSpec" && e.Type == "Warning" && e.Note == "size must be at least 2");

        await h.Controller.ResyncAsync(TestContext.Current.CancellationToken); // a periodic resync must not wake it
        Assert.True(await Eventually.TrueAsync(() => h.IsSettled && h.Controller.Queue.Depth == 0));
        Assert.Equal(parked, h.Reconciler.Reconciles("ns/a"));

        var fixedWidget = h.Kube.Peek("ns/a")!;
        fixedWidget.Spec.Size = 2;
        h.Kube.Apply(fixedWidget);
        Assert.True(await Eventually.TrueAsync(() => h.Reconciler.Reconciles("ns/a") == parked + 1));
    }

    [Fact]
    public async Task A_terminal_error_the_reconciler_already_reported_is_parked_without_a_second_report()
    {
        await using var h = new ControllerHarness();
        h.Reconciler.OnReconcile = (_, _, _) => throw new TerminalReconcileException("bad") { Reason = "InvalidSpec", AlreadyReported = true };
        h.Kube.Apply(Widget.Create("ns", "a"));
        await h.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => h.Controller.ParkedCount == 1 && h.IsSettled));

        Assert.Empty(h.Kube.Events);
        Assert.Equal(0, h.Kube.StatusPatches);
        Assert.Equal(1, h.Reconciler.Reconciles("ns/a"));
    }

    [Fact]
    public async Task A_failing_reconcile_is_retried_with_backoff_until_it_succeeds()
    {
        await using var h = new ControllerHarness();
        var attempts = 0;
        h.Reconciler.OnReconcile = (_, _, _) => Interlocked.Increment(ref attempts) < 3
            ? throw new InvalidOperationException("AWS is having a bad day")
            : Task.FromResult(ReconcileResult.Done);
        h.Kube.Apply(Widget.Create("ns", "a"));
        await h.StartAsync();

        Assert.True(await Eventually.TrueAsync(() => Volatile.Read(ref attempts) >= 3 && h.IsSettled));
        Assert.Equal(0, h.Controller.Queue.Retries(new ReconcileRequest("ns", "a")));
    }

    [Fact]
    public async Task A_dependency_turning_ready_requeues_its_dependents_through_the_index()
    {
        await using var h = new ControllerHarness(c => c
            .Index("partRef", w => w.Spec.PartRef is null ? [] : [$"{w.Metadata.NamespaceProperty}/{w.Spec.PartRef}"])
            .WatchesThroughIndex<Widget>("partRef"));
        h.Kube.Apply(Widget.Create("ns", "part"));
        h.Kube.Apply(Widget.Create("ns", "assembly", partRef: "part"));
        await h.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => h.Reconciler.Reconciles("ns/assembly") > 0 && h.Reconciler.Reconciles("ns/part") > 0 && h.IsSettled));
        var before = h.Reconciler.Reconciles("ns/assembly");
        var partBefore = h.Reconciler.Reconciles("ns/part");

        var part = h.Kube.Peek("ns/part")!;
        Conditions.MarkReady(part.Status, part.Metadata.Generation, "Available", "ready", DateTimeOffset.UtcNow);
        await h.StatusWriter.WriteAsync(part, TestContext.Current.CancellationToken);

        Assert.True(await Eventually.TrueAsync(() => h.Reconciler.Reconciles("ns/assembly") > before && h.IsSettled));
        Assert.Equal(partBefore, h.Reconciler.Reconciles("ns/part")); // its own status change did not requeue it
    }

    [Fact]
    public async Task A_change_requeues_the_objects_two_indexes_lead_to()
    {
        await using var h = new ControllerHarness(c => c
            .Index("partRef", w => w.Spec.PartRef is null ? [] : [$"{w.Metadata.NamespaceProperty}/{w.Spec.PartRef}"])
            .WatchesThroughIndexes<Widget, Widget>("partRef", "partRef"));
        h.Kube.Apply(Widget.Create("ns", "part"));
        h.Kube.Apply(Widget.Create("ns", "assembly", partRef: "part"));
        h.Kube.Apply(Widget.Create("ns", "product", partRef: "assembly"));
        h.Kube.Apply(Widget.Create("ns", "unrelated"));
        await h.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => h.Reconciler.Reconciles("ns/product") > 0 && h.Reconciler.Reconciles("ns/unrelated") > 0 && h.IsSettled));
        var product = h.Reconciler.Reconciles("ns/product");
        var unrelated = h.Reconciler.Reconciles("ns/unrelated");

        var part = h.Kube.Peek("ns/part")!;
        Conditions.MarkReady(part.Status, part.Metadata.Generation, "Available", "ready", DateTimeOffset.UtcNow);
        await h.StatusWriter.WriteAsync(part, TestContext.Current.CancellationToken);

        Assert.True(await Eventually.TrueAsync(() => h.Reconciler.Reconciles("ns/product") > product && h.IsSettled));
        Assert.Equal(unrelated, h.Reconciler.Reconciles("ns/unrelated"));
    }

    [Fact]
    public async Task An_update_that_leaves_what_dependents_read_unchanged_requeues_none_of_them()
    {
        await using var h = new ControllerHarness(c => c
            .Index("partRef", w => w.Spec.PartRef is null ? [] : [$"{w.Metadata.NamespaceProperty}/{w.Spec.PartRef}"])
            .WatchesThroughIndex<Widget>("partRef", part => part.Status.Arn ?? string.Empty));
        h.Kube.Apply(Widget.Create("ns", "part"));
        h.Kube.Apply(Widget.Create("ns", "assembly", partRef: "part"));
        h.Kube.Apply(Widget.Create("ns", "other-part"));
        h.Kube.Apply(Widget.Create("ns", "other-assembly", partRef: "other-part"));
        await h.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => h.Reconciler.Reconciles("ns/assembly") > 0 && h.Reconciler.Reconciles("ns/other-assembly") > 0 && h.IsSettled));
        var assembly = h.Reconciler.Reconciles("ns/assembly");
        var other = h.Reconciler.Reconciles("ns/other-assembly");

        // An irrelevant change (a counter, as a Cluster's task counts), then a relevant one of another part: the watch
        // delivers them in order, so once the second has requeued its dependent the first has been handled.
        var part = h.Kube.Peek("ns/part")!;
        part.Status.Runs = 42;
        await h.StatusWriter.WriteAsync(part, TestContext.Current.CancellationToken);
        var otherPart = h.Kube.Peek("ns/other-part")!;
        otherPart.Status.Arn = "arn:aws:ecs:us-east-1:123456789012:cluster/other";
        await h.StatusWriter.WriteAsync(otherPart, TestContext.Current.CancellationToken);

        Assert.True(await Eventually.TrueAsync(() => h.Reconciler.Reconciles("ns/other-assembly") > other && h.IsSettled));
        Assert.Equal(assembly, h.Reconciler.Reconciles("ns/assembly"));
    }
}

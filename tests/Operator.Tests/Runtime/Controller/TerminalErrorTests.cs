using EcsOperator.Entities;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsOperator.Tests.Runtime.Controller;

/// <summary>How a terminal error is shown, parked, counted and forgotten (defects 2, 3, 4, 7 and 9 of issue 10).</summary>
public sealed class TerminalErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ReconcileResult> Refuse(ReconcileRequest request, Widget? widget, CancellationToken cancellationToken) =>
        throw new TerminalReconcileException("size must be at least 2") { Reason = "InvalidSpec" };

    [Fact]
    public async Task Stalled_is_shown_even_when_the_first_status_report_fails()
    {
        await using var h = new ControllerHarness();
        h.Reconciler.OnReconcile = Refuse;
        h.Kube.FailingStatusPatches = 1;
        h.Kube.Apply(Widget.Create("ns", "a"));

        await h.StartAsync();

        Assert.True(await Eventually.TrueAsync(() => Conditions.IsTrue(h.Kube.Peek("ns/a")!.Status, ConditionTypes.Stalled)), "Stalled was never shown");
        Assert.True(await Eventually.TrueAsync(() => h.IsSettled));
        Assert.Equal(1, h.Controller.ParkedCount);
    }

    [Fact]
    public async Task Terminal_errors_are_counted_apart_from_other_errors()
    {
        await using var h = new ControllerHarness();
        h.Reconciler.OnReconcile = Refuse;
        h.Kube.Apply(Widget.Create("ns", "a"));

        await h.StartAsync();

        Assert.True(await Eventually.TrueAsync(async () => h.IsSettled && await h.MetricAsync("controller_runtime_terminal_reconcile_errors_total") == 1));
        Assert.Equal(1, await h.MetricAsync("controller_runtime_reconcile_errors_total"));
    }

    [Fact]
    public async Task Stalled_carries_the_time_of_the_registered_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var h = new ControllerHarness(time: clock);
        h.Reconciler.OnReconcile = Refuse;
        h.Kube.Apply(Widget.Create("ns", "a"));

        await h.StartAsync();

        Assert.True(await Eventually.TrueAsync(() => Conditions.IsTrue(h.Kube.Peek("ns/a")!.Status, ConditionTypes.Stalled)));
        var stalled = Conditions.Find(h.Kube.Peek("ns/a")!.Status, ConditionTypes.Stalled)!;
        Assert.Equal(clock.GetUtcNow().UtcDateTime, stalled.LastTransitionTime);
    }

    [Fact]
    public async Task An_object_deleted_while_parked_and_created_again_is_reconciled_and_its_entry_is_dropped()
    {
        await using var h = new ControllerHarness();
        h.Reconciler.OnReconcile = (request, widget, ct) => widget!.Metadata.Annotations?.ContainsKey("fixed") == true
            ? Task.FromResult(ReconcileResult.Done)
            : Refuse(request, widget, ct);
        h.Kube.Apply(Widget.Create("ns", "a"));
        await h.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => h.IsSettled && h.Controller.ParkedCount == 1));

        // Gone without the finalizer running (someone removed it by hand), then created again under the same name.
        await h.Kube.UpdateMetadataAsync<Widget>("ns", "a", meta => { meta.Finalizers = []; return true; }, Ct);
        h.Kube.Delete("ns/a");
        Assert.True(await Eventually.TrueAsync(() => h.IsSettled && h.Informer.Cache.Count == 0));
        Assert.Equal(0, h.Controller.ParkedCount);
        var before = h.Reconciler.Reconciles("ns/a");

        h.Kube.Apply(Widget.Create("ns", "a"));

        Assert.True(await Eventually.TrueAsync(() => h.Reconciler.Reconciles("ns/a") > before), "the new object was parked unseen");
    }
}

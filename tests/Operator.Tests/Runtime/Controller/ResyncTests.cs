using EcsOperator.Runtime.Controller;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsOperator.Tests.Runtime.Controller;

/// <summary>Defect 1 of issue 10: in steady state every object is reconciled once per resync period, not 2–2.4 times.</summary>
public sealed class ResyncTests
{
    private const int Objects = 300;
    private const int Sweeps = 3;
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_resync_reconciles_every_object_exactly_once_even_when_the_reconciler_asks_to_come_back_after_the_period()
    {
        var clock = new FakeTimeProvider();
        await using var h = new ControllerHarness(time: clock, resyncPeriod: Period);

        // What the Cluster and TaskDefinition reconcilers used to answer when converged: a second source of requeues.
        h.Reconciler.OnReconcile = (_, _, _) => Task.FromResult(ReconcileResult.After(Period));
        for (var i = 0; i < Objects; i++)
        {
            h.Kube.Apply(Widget.Create("ns", $"w{i}"));
        }

        await h.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => h.IsSettled), "the first reconciles of every object did not settle");
        var baseline = await h.MetricAsync("controller_runtime_reconcile_total");
        using var stop = new CancellationTokenSource();
        var resync = new PeriodicResync(Period, clock, NullLogger.Instance).RunAsync([h.Controller], stop.Token);

        for (var sweep = 1; sweep <= Sweeps; sweep++)
        {
            // Sweep k is due within [k × period, k × period + 10 %): each step makes exactly one more sweep due.
            clock.Advance(sweep == 1 ? Period * (1 + PeriodicResync.JitterFraction) : Period);
            var expected = baseline + (sweep * Objects);
            Assert.True(await Eventually.TrueAsync(async () => await h.MetricAsync("ecs_operator_resync_sweeps_total") == sweep && await h.MetricAsync("ecs_operator_resync_sweep_duration_seconds_count") == sweep && await h.MetricAsync("controller_runtime_reconcile_total") >= expected && h.IsSettled), $"sweep {sweep} did not settle");
            Assert.Equal(expected, await h.MetricAsync("controller_runtime_reconcile_total"));
        }

        await stop.CancelAsync();
        await resync;
    }
}

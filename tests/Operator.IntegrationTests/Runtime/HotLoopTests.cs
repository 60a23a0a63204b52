using System.Globalization;
using EcsOperator.Runtime;
using EcsOperator.Runtime.Controller;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Runtime;

public sealed class HotLoopTests
{
    private static readonly TimeSpan Resync = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_reconciler_that_writes_status_on_every_run_runs_once_per_resync_and_never_for_its_own_writes()
    {
        var clock = new FakeTimeProvider();
        await using var kube = await RuntimeKube.StartAsync();
        await kube.CreateAsync("a");
        await using var op = new OperatorInstance(kube, Options(), async (instance, request, widget, status, ct) =>
        {
            // A new value on every run: each run really patches status, and the watch reports each patch.
            widget!.Status.Runs = instance.Reconciles;
            Conditions.MarkReady(widget.Status, widget.Metadata.Generation, "Available", "ready", DateTimeOffset.UtcNow);
            await status.WriteAsync(widget, ct);
            return ReconcileResult.Done;
        }, time: clock);
        await op.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => SettledAsync(kube, op)), "the first runs did not settle");
        var converged = op.Reconciles;

        for (var sweep = 1; sweep <= 3; sweep++)
        {
            // Each step makes exactly one more resync sweep due (its jitter is at most 10 % of the period).
            clock.Advance(sweep == 1 ? Resync * (1 + PeriodicResync.JitterFraction) : Resync);
            var expected = converged + sweep;
            Assert.True(await Eventually.TrueAsync(async () => await op.MetricAsync("ecs_operator_resync_sweeps_total") == sweep && op.Reconciles >= expected && await SettledAsync(kube, op)), $"sweep {sweep} did not settle");
            Assert.Equal(expected, op.Reconciles); // the resync ran it; its own status write did not
        }
    }

    /// <summary>The informer has seen the object's newest version, and nothing is queued, running or due.</summary>
    private static async Task<bool> SettledAsync(RuntimeKube kube, OperatorInstance op)
    {
        var widget = (await kube.ListAsync()).Single();
        return widget.Status.Runs is > 0
            && long.Parse(op.Informer.ResourceVersion ?? "0", CultureInfo.InvariantCulture) >= long.Parse(widget.Metadata.ResourceVersion, CultureInfo.InvariantCulture)
            && op.Controller.Queue.IsIdle;
    }

    private static OperatorRuntimeOptions Options() => new()
    {
        ResyncPeriod = Resync,
        MetricsBindAddress = "0",
        HealthProbeBindAddress = "0",
    };
}

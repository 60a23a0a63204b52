using EcsOperator.Runtime;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Runtime;

public sealed class HotLoopTests
{
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_reconciler_that_writes_status_on_every_run_settles_to_at_most_two_runs_per_resync_period()
    {
        await using var kube = await RuntimeKube.StartAsync();
        await kube.CreateAsync("a");
        await using var op = new OperatorInstance(kube, Options(), async (instance, request, widget, status, ct) =>
        {
            // A new value on every run: each run really patches status, and the watch reports each patch.
            widget!.Status.Runs = instance.Reconciles;
            Conditions.MarkReady(widget.Status, widget.Metadata.Generation, "Available", "ready", DateTimeOffset.UtcNow);
            await status.WriteAsync(widget, ct);
            return ReconcileResult.Done;
        });
        await op.StartAsync();
        Assert.True(await Eventually.TrueAsync(async () => (await kube.ListAsync()).Single().Status.Runs is > 0));

        await Task.Delay(Resync, TestContext.Current.CancellationToken); // convergence
        var converged = op.Reconciles;
        await Task.Delay(Resync * 3, TestContext.Current.CancellationToken);
        var perPeriod = (op.Reconciles - converged) / 3.0;

        Assert.InRange(perPeriod, 0.5, 2.0); // the resync still runs it, but its own writes never do
    }

    private static OperatorRuntimeOptions Options() => new()
    {
        ResyncPeriod = Resync,
        MetricsBindAddress = "0",
        HealthProbeBindAddress = "0",
    };
}

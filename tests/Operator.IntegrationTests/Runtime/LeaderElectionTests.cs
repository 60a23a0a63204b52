using System.Diagnostics;
using EcsOperator.Runtime;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Runtime;

public sealed class LeaderElectionTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task After_the_leader_stops_the_other_instance_takes_over_within_the_lease_duration_plus_one_second()
    {
        var (takeover, overlaps, leaderReleased) = await RunHandOverAsync(releaseOnStop: true);

        Assert.True(leaderReleased);
        Assert.Equal(0, overlaps);
        Assert.True(takeover <= LeaseDuration + TimeSpan.FromSeconds(1), $"takeover took {takeover}");
    }

    [Fact]
    public async Task After_the_leader_dies_without_releasing_the_other_takes_over_within_lease_duration_plus_renew_deadline()
    {
        var (takeover, overlaps, leaderReleased) = await RunHandOverAsync(releaseOnStop: false);

        Assert.False(leaderReleased);
        Assert.Equal(0, overlaps);
        Assert.True(takeover <= LeaseDuration + RenewDeadline, $"takeover took {takeover}");
    }

    [Fact]
    public async Task A_leader_that_loses_its_lease_stops_reconciling_within_the_renew_deadline()
    {
        await using var kube = await RuntimeKube.StartAsync();
        await kube.CreateAsync("w0");
        var tracker = new OverlapTracker();
        var lease = TestNames.Unique("lease");
        await using var a = new OperatorInstance(kube, Options(kube, lease, releaseOnStop: true), tracker.ReconcileAsync, "a");
        await a.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => a.Reconciles > 0));

        // Someone else takes the lease (an instance that believes a's lease expired, say) and keeps renewing it, as a
        // live leader would: otherwise a may rightly win it back once the usurper's lease expires.
        using var usurping = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var usurper = KeepLeaseAsync(kube, lease, "usurper", usurping.Token);
        var lost = Stopwatch.StartNew();

        Assert.True(await Eventually.TrueAsync(() => !a.Host.IsLeader, RenewDeadline + TimeSpan.FromSeconds(2)), $"still leading after {lost.Elapsed}");

        // No worker left (a reconcile already past its start may finish first): nothing can be reconciled any more.
        Assert.True(await Eventually.TrueAsync(() => a.Controller.RunningWorkers == 0));
        var after = a.Reconciles;
        await kube.ResizeAsync("w0", 2);
        Assert.True(await Eventually.TrueAsync(() => a.Controller.Queue.Depth == 1), "the change was not queued");
        Assert.False(a.Host.IsLeader);
        Assert.Equal(after, a.Reconciles); // queued, and nobody takes it
        await usurping.CancelAsync();
        await usurper;
    }

    /// <summary>Holds the lease for <paramref name="holder"/>, renewing it every 250 ms until cancelled.</summary>
    private static async Task KeepLeaseAsync(RuntimeKube kube, string lease, string holder, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var current = (await kube.Client.GetLeaseAsync(kube.Namespace, lease, cancellationToken))!;
                current.Spec.HolderIdentity = holder;
                current.Spec.RenewTime = DateTime.UtcNow;
                await kube.Client.ReplaceLeaseAsync(current, cancellationToken);
                await Task.Delay(250, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (k8s.Autorest.HttpOperationException)
            {
                // 409: the old leader wrote in between; read again and retake.
            }
        }
    }

    /// <summary>Starts two instances, stops whichever leads, and times the other's first reconcile.</summary>
    private static async Task<(TimeSpan Takeover, int Overlaps, bool LeaderReleased)> RunHandOverAsync(bool releaseOnStop)
    {
        await using var kube = await RuntimeKube.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await kube.CreateAsync($"w{i}");
        }

        var tracker = new OverlapTracker();
        var lease = TestNames.Unique("lease");
        var aOptions = Options(kube, lease, releaseOnStop);
        await using var a = new OperatorInstance(kube, aOptions, tracker.ReconcileAsync, "a");
        await using var b = new OperatorInstance(kube, Options(kube, lease, releaseOnStop), tracker.ReconcileAsync, "b");
        await a.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => a.Reconciles > 0));
        await b.StartAsync();

        // The follower has cached and queued every object, and runs no worker to take them.
        Assert.True(await Eventually.TrueAsync(() => b.Informer.HasSynced && b.Controller.Queue.Depth == 3), "the follower did not queue the objects");
        Assert.Equal(0, b.Controller.RunningWorkers);
        Assert.Equal(0, b.Reconciles);

        var stopped = Stopwatch.StartNew();
        await a.StopAsync();
        var holder = (await kube.Client.GetLeaseAsync(kube.Namespace, lease, TestContext.Current.CancellationToken))?.Spec?.HolderIdentity;
        Assert.True(await Eventually.TrueAsync(() => b.Reconciles > 0, TimeSpan.FromSeconds(15)));
        var takeover = stopped.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"takeover after {takeover.TotalMilliseconds:F0} ms (release on stop: {releaseOnStop})");
        return (takeover, tracker.Overlaps, holder != aOptions.LeaderElection.Identity);
    }

    private static OperatorRuntimeOptions Options(RuntimeKube kube, string lease, bool releaseOnStop) => new()
    {
        MetricsBindAddress = "0",
        HealthProbeBindAddress = "0",
        ShutdownTimeout = TimeSpan.FromSeconds(5),
        LeaderElection = new LeaderElectionOptions
        {
            Enabled = true,
            Id = lease,
            Namespace = kube.Namespace,
            LeaseDuration = LeaseDuration,
            RenewDeadline = RenewDeadline,
            RetryPeriod = TimeSpan.FromMilliseconds(500),
            ReleaseOnCancel = releaseOnStop,
        },
    };

    /// <summary>Counts moments when two instances were inside a reconcile at the same time.</summary>
    private sealed class OverlapTracker
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, int> _active = [];
        private int _overlaps;

        public int Overlaps => Volatile.Read(ref _overlaps);

        public async Task<ReconcileResult> ReconcileAsync(OperatorInstance instance, ReconcileRequest request, Widget? widget, StatusWriter<Widget> status, CancellationToken ct)
        {
            Enter(instance.Name);
            try
            {
                await Task.Delay(20, CancellationToken.None);
            }
            finally
            {
                Exit(instance.Name);
            }

            return ReconcileResult.After(TimeSpan.FromMilliseconds(50));
        }

        private void Enter(string instance)
        {
            lock (_gate)
            {
                if (_active.Any(a => a.Key != instance && a.Value > 0))
                {
                    _overlaps++;
                }

                _active[instance] = _active.GetValueOrDefault(instance) + 1;
            }
        }

        private void Exit(string instance)
        {
            lock (_gate)
            {
                _active[instance]--;
            }
        }
    }
}

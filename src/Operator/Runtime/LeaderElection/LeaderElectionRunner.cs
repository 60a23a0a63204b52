using EcsOperator.Runtime.Client;
using EcsOperator.Runtime.Metrics;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Runtime.LeaderElection;

/// <summary>
/// Runs work only while this instance holds the coordination.k8s.io Lease (KubernetesClient's LeaderElector).
/// Losing the lease cancels the work at once; stopping releases the lease by emptying holderIdentity, so that a
/// successor takes over immediately instead of waiting out the lease.
/// </summary>
public sealed class LeaderElectionRunner(IKubeClient client, LeaderElectionOptions options, RuntimeMetrics metrics, ILogger<LeaderElectionRunner> logger)
{
    private readonly string _namespace = options.ResolveNamespace();
    private volatile bool _leading;

    public bool IsLeader => _leading;

    /// <summary>Campaigns for the lease until stopped, running <paramref name="whileLeading"/> each time it is won.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> whileLeading, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(whileLeading);
        metrics.SetLeader(options.Id, false);
        var everLed = false;
        while (!stopping.IsCancellationRequested)
        {
            everLed |= await CampaignOnceAsync(whileLeading, stopping);
        }

        if (everLed && options.ReleaseOnCancel)
        {
            await ReleaseAsync();
        }
    }

    /// <summary>Waits for the lease, leads until it is lost or stopping; returns whether it led.</summary>
    private async Task<bool> CampaignOnceAsync(Func<CancellationToken, Task> whileLeading, CancellationToken stopping)
    {
        var config = new LeaderElectionConfig(new LeaseLock(client.Api, _namespace, options.Id, options.Identity))
        {
            LeaseDuration = options.LeaseDuration,
            RenewDeadline = options.RenewDeadline,
            RetryPeriod = options.RetryPeriod,
        };
        using var elector = new LeaderElector(config);
        using var leadership = new CancellationTokenSource();
        Task work = Task.CompletedTask;
        elector.OnStartedLeading += () =>
        {
            _leading = true;
            metrics.SetLeader(options.Id, true);
            Log.StartedLeading(logger, options.Identity, _namespace, options.Id);
            work = Task.Run(() => whileLeading(leadership.Token), CancellationToken.None);
        };
        elector.OnStoppedLeading += () =>
        {
            // Stop the workers before anything else: another instance may be about to take over.
            _leading = false;
            leadership.Cancel();
            metrics.SetLeader(options.Id, false);
            Log.StoppedLeading(logger, options.Identity, _namespace, options.Id);
        };
        elector.OnNewLeader += leader => Log.NewLeader(logger, _namespace, options.Id, leader ?? string.Empty);
        elector.OnError += e => Log.LeaderElectionError(logger, e, _namespace, options.Id);

        try
        {
            await elector.RunUntilLeadershipLostAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Log.LeaderElectionError(logger, e, _namespace, options.Id);
            await Task.Delay(options.RetryPeriod, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            await leadership.CancelAsync();
            await work.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return !ReferenceEquals(work, Task.CompletedTask);
    }

    /// <summary>
    /// Empties holderIdentity (never null: KubernetesClient's electors treat a null holder as "no lease" and retry a
    /// create that fails with 409 forever) and shortens the lease, as client-go's ReleaseOnCancel does.
    /// </summary>
    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            var lease = await client.GetLeaseAsync(_namespace, options.Id, timeout.Token);
            if (lease?.Spec is null || lease.Spec.HolderIdentity != options.Identity)
            {
                return;
            }

            var now = DateTime.UtcNow;
            lease.Spec.HolderIdentity = string.Empty;
            lease.Spec.LeaseDurationSeconds = 1;
            lease.Spec.RenewTime = now;
            lease.Spec.AcquireTime = now;
            await client.ReplaceLeaseAsync(lease, timeout.Token);
            Log.LeaseReleased(logger, _namespace, options.Id);
        }
        catch (Exception e)
        {
            Log.LeaseReleaseFailed(logger, e, _namespace, options.Id);
        }
    }
}

using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Controller;
using EcsOperator.Runtime.Reconcile;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// A resync that reads AWS in batches before it reconciles (DESIGN.md §5, "Batched steady state"): it opens a
/// <see cref="PrefetchedObservations{TEntity}"/> slot per object, reads each page of names with one call, fills the
/// slots and enqueues that page's objects at once, so reconciles start while later pages are read. Every cached
/// object is enqueued exactly once per sweep, whether its page was read, failed, or it had none (an unresolved
/// reference): a failed read only costs that object its own Describe.
/// </summary>
public abstract class BatchedResyncSweep<TEntity, TObserved>(IResourceCache<TEntity> cache, PrefetchedObservations<TEntity> prefetched, ILogger logger)
    : IResyncSweep<TEntity>
    where TEntity : class, IEcsResource
    where TObserved : class
{
    /// <summary>
    /// The ECS client, built on first use as the reconcilers' scoped managers build it: a sweep is created with its
    /// controller at start, and a missing region must surface as a reconcile error, not as a crash before the first.
    /// </summary>
    protected static IEcsApi EcsApi(IServiceProvider provider) => provider.GetRequiredService<IEcsApi>();

    /// <summary>How many names the batch read takes per call (DescribeServices 10, DescribeClusters 100).</summary>
    protected abstract int PageSize { get; }

    /// <summary>Where the object's AWS resource is, from the object and the cache alone; null when it cannot be known yet.</summary>
    protected abstract SweepTarget? TargetOf(TEntity obj);

    /// <summary>One batch read: the resources found, by name, only those the kind's Describe would return as present.</summary>
    protected abstract Task<IReadOnlyDictionary<string, TObserved>> ReadPageAsync(string group, IReadOnlyList<string> names, CancellationToken cancellationToken);

    public async Task SweepAsync(IReadOnlyList<ReconcileRequest> keys, Action<ReconcileRequest> enqueue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(enqueue);
        var enqueued = new HashSet<ReconcileRequest>();
        try
        {
            var targets = prefetched.Open(keys.Select(cache.Get).OfType<TEntity>().Where(IsSteady))
                .Select(obj => (Key: ReconcileRequest.For(obj), Target: TargetOf(obj)))
                .Where(t => t.Target is not null)
                .Select(t => (t.Key, t.Target!));
            var pages = SweepPages.Of(targets, PageSize);
            var found = 0;
            foreach (var page in pages)
            {
                found += await ReadAsync(page, cancellationToken);
                foreach (var key in page.Keys.Where(enqueued.Add))
                {
                    enqueue(key);
                }
            }

            Log.SweepRead(logger, found, keys.Count, pages.Count);
        }
        finally
        {
            // Once per sweep each: a second add of a key that is being reconciled would reconcile it twice.
            foreach (var key in keys.Where(enqueued.Add))
            {
                enqueue(key);
            }
        }
    }

    /// <summary>
    /// Only objects at rest are read in batches: converged on their generation (Ready), not paused, not being deleted.
    /// The rest reconcile as they would without a sweep: an invalid or unresolved object makes no AWS call at all, a
    /// paused one is not read, and one that is rolling out or being deleted reads what its own step needs.
    /// </summary>
    private static bool IsSteady(TEntity obj) =>
        DriftReporter.WasConverged(obj) && obj.Metadata.DeletionTimestamp is null
        && !Pause.IsPaused(obj);

    /// <summary>Reads one page and fills its slots; a failed read leaves them empty (each reconcile reads for itself).</summary>
    private async Task<int> ReadAsync(SweepPage page, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, TObserved> observed;
        try
        {
            observed = await ReadPageAsync(page.Group, page.Names, cancellationToken);
        }
        catch (Exception e) when (e is AwsServiceException or HttpRequestException or IOException or TimeoutException or Amazon.Runtime.AmazonClientException)
        {
            Log.SweepReadFailed(logger, page.Group, page.Names.Count, e.GetType().Name, e.Message);
            return 0;
        }

        foreach (var (name, resource) in observed)
        {
            foreach (var key in page.KeysByName[name])
            {
                prefetched.Fill(key, resource);
            }
        }

        return observed.Count;
    }
}

using EcsOperator.Entities;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// What every kind's reconciler needs from the template's side: status, identity, options, a logger, and the
/// observations a batched resync sweep read for it (none when the kind has no such sweep).
/// </summary>
public sealed class ReconcileServices<TEntity>(
    StatusReporter<TEntity> status,
    ClusterIdentity identity,
    ControllerOptions options,
    ILogger<ReconcileServices<TEntity>> logger,
    PrefetchedObservations<TEntity>? prefetched = null)
    where TEntity : class, IEcsResource
{
    public PrefetchedObservations<TEntity> Prefetched { get; } = prefetched ?? new PrefetchedObservations<TEntity>();

    public StatusReporter<TEntity> Status => status;

    public ClusterIdentity Identity => identity;

    public ControllerOptions Options => options;

    public ILogger Logger => logger;

    /// <summary>The ownership tags of <paramref name="obj"/> (DESIGN.md §5).</summary>
    public Task<OwnershipTags> OwnershipAsync(TEntity obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return identity.OwnershipAsync(obj.Metadata.NamespaceProperty, obj.Kind, obj.Metadata.Name, cancellationToken);
    }
}

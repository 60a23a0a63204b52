using EcsOperator.Entities;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Controllers.Shared;

/// <summary>What every kind's reconciler needs from the template's side: status, identity, options and a logger.</summary>
public sealed class ReconcileServices<TEntity>(
    StatusReporter<TEntity> status,
    ClusterIdentity identity,
    ControllerOptions options,
    ILogger<ReconcileServices<TEntity>> logger)
    where TEntity : class, IEcsResource
{
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

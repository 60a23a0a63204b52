using EcsOperator.Entities;

namespace EcsOperator.Runtime;

/// <summary>
/// Writes an object's status through the status subresource, and only when it differs from the cached status:
/// an unchanged status costs no API call and no watch event. It sets status.observedGeneration on every write and
/// sends a merge patch of just the fields that changed (removed fields become null).
/// </summary>
public sealed class StatusWriter<TEntity>(IKubeClient client, IResourceCache<TEntity> cache)
    where TEntity : class, IEcsResource
{
    /// <summary>Returns true when a patch was sent, false when the cached status already matched.</summary>
    public async Task<bool> WriteAsync(TEntity obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        obj.ResourceStatus.ObservedGeneration = obj.Metadata.Generation;
        var cached = cache.Get(ReconcileRequest.For(obj));
        var patch = StatusDiff.Create(cached?.ResourceStatus, obj.ResourceStatus);
        if (patch is null)
        {
            return false;
        }

        await client.PatchStatusAsync<TEntity>(obj.Metadata.NamespaceProperty, obj.Metadata.Name, patch, cancellationToken);
        return true;
    }
}

using EcsOperator.Entities;
using EcsOperator.Runtime.Client;
using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Controller;

/// <summary>
/// Adds and removes the operator's finalizer through <see cref="IKubeClient"/>. The runtime adds it before the
/// first reconcile (so before any AWS side effect) and removes it only after FinalizeAsync succeeded.
/// </summary>
public sealed class Finalizers(IKubeClient client, string finalizer = WellKnown.Finalizer)
{
    public string Name { get; } = finalizer;

    public bool IsPresent(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Metadata.Finalizers?.Contains(Name) == true;
    }

    /// <summary>Adds the finalizer unless present. Returns false when the object is gone.</summary>
    public async Task<bool> EnsureAsync<TEntity>(TEntity obj, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        if (IsPresent(obj))
        {
            return true;
        }

        var updated = await client.UpdateMetadataAsync<TEntity>(obj.Metadata.NamespaceProperty, obj.Metadata.Name, meta =>
        {
            // A deleted object must not gain a finalizer: the API server refuses it, and it would block deletion.
            if (meta.DeletionTimestamp is not null || meta.Finalizers?.Contains(Name) == true)
            {
                return false;
            }

            meta.Finalizers = [.. meta.Finalizers ?? [], Name];
            return true;
        }, cancellationToken);
        return updated is not null && IsPresent(updated);
    }

    /// <summary>Removes the finalizer if present; the object may disappear as a result.</summary>
    public async Task RemoveAsync<TEntity>(TEntity obj, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        if (!IsPresent(obj))
        {
            return;
        }

        await client.UpdateMetadataAsync<TEntity>(obj.Metadata.NamespaceProperty, obj.Metadata.Name, meta =>
        {
            if (meta.Finalizers?.Contains(Name) != true)
            {
                return false;
            }

            meta.Finalizers = [.. meta.Finalizers.Where(f => f != Name)];
            return true;
        }, cancellationToken);
    }
}

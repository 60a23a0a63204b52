using EcsOperator.Runtime.Reconcile;
using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Cache;

/// <summary>
/// Read access to one kind's informer cache. Every method returns copies: change them freely.
/// </summary>
public interface IResourceCache<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    int Count { get; }

    /// <summary>Raised (outside the cache's lock) when an object leaves the cache: deleted, or gone from the shard.</summary>
    event Action<ReconcileRequest>? Removed;

    TEntity? Get(ReconcileRequest request);

    /// <summary>The cached object's resourceVersion, without copying the object; null when it is not cached.</summary>
    string? ResourceVersion(ReconcileRequest request);

    IReadOnlyList<TEntity> List();

    IReadOnlyList<ReconcileRequest> Keys();

    /// <summary>The objects an index maps the value to, for example ByIndex("clusterRef", "ns/name").</summary>
    IReadOnlyList<TEntity> ByIndex(string indexName, string value);
}

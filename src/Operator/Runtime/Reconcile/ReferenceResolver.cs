using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Client;
using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Reconcile;

/// <summary>Where a referenced object stands from this instance's point of view.</summary>
public enum ReferenceState
{
    /// <summary>In this shard and in the cache.</summary>
    Found,

    /// <summary>Does not exist (yet): wait for it; its creation requeues the dependent through the watch.</summary>
    Missing,

    /// <summary>Exists (or may exist) outside this instance's namespace or selector: report ReferenceOutsideShard.</summary>
    OutsideShard,
}

/// <summary>
/// Resolves same-namespace references with the shard in mind, so that a reference to an object another operator
/// instance owns becomes a condition with reason <see cref="ShardScope.ReferenceOutsideShardReason"/>, not a silent wait.
/// </summary>
public sealed class ReferenceResolver(ShardScope scope, IKubeClient client)
{
    public async Task<(ReferenceState State, TEntity? Object)> ResolveAsync<TEntity>(IResourceCache<TEntity> cache, string @namespace, string name, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (!scope.ContainsNamespace(@namespace))
        {
            return (ReferenceState.OutsideShard, null);
        }

        var cached = cache.Get(new ReconcileRequest(@namespace, name));
        if (cached is not null)
        {
            return (ReferenceState.Found, cached);
        }

        if (scope.Selector.IsEverything)
        {
            return (ReferenceState.Missing, null);
        }

        // Not in the cache while a selector narrows the watch: it may exist without this shard's labels.
        var live = await client.GetAsync<TEntity>(@namespace, name, cancellationToken);
        return live is null ? (ReferenceState.Missing, null) : (ReferenceState.OutsideShard, null);
    }

    public string DescribeOutside(string kind, string @namespace, string name) => scope.DescribeOutside(kind, @namespace, name);
}

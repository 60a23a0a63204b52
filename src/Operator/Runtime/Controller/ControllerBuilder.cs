using System.Diagnostics.CodeAnalysis;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace EcsOperator.Runtime.Controller;

/// <summary>
/// Configures one controller at registration: secondary indexes on its cache, and watches on other kinds whose
/// changes (status changes included) map to requests for this kind.
/// </summary>
public sealed class ControllerBuilder<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IServiceCollection _services;
    private readonly List<Action<IServiceProvider, KindController<TEntity>>> _watches = [];

    internal ControllerBuilder(IServiceCollection services) => _services = services;

    internal IReadOnlyList<Action<IServiceProvider, KindController<TEntity>>> WatchSetups => _watches;

    /// <summary>Adds a secondary index, e.g. Index("clusterRef", s => [$"{ns}/{s.Spec.ClusterRef.Name}"]).</summary>
    public ControllerBuilder<TEntity> Index(string name, Func<TEntity, IEnumerable<string>> valuesOf)
    {
        _services.AddSingleton(new IndexDefinition<TEntity>(name, valuesOf));
        return this;
    }

    /// <summary>Replaces the default resync (enqueue every key) with the kind's own sweep; see <see cref="IResyncSweep{TEntity}"/>.</summary>
    public ControllerBuilder<TEntity> ResyncWith<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSweep>()
        where TSweep : class, IResyncSweep<TEntity>
    {
        _services.AddSingleton<IResyncSweep<TEntity>, TSweep>();
        return this;
    }

    /// <summary>Requeues the requests <paramref name="map"/> returns whenever a <typeparamref name="TOther"/> changes.</summary>
    public ControllerBuilder<TEntity> Watches<TOther>(Func<TOther, IResourceCache<TEntity>, IEnumerable<ReconcileRequest>> map)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(map);
        _services.AddInformer<TOther>();
        _watches.Add((provider, controller) =>
            provider.GetRequiredService<Informer<TOther>>().Subscribe(change =>
            {
                foreach (var request in map(change.Object, controller.Cache))
                {
                    controller.Enqueue(request);
                }
            }));
        return this;
    }

    /// <summary>
    /// Requeues the objects that an index of this kind maps the changed <typeparamref name="TOther"/>'s "ns/name" to:
    /// a TaskDefinition turning Ready requeues every Service whose "taskDefinitionRef" index names it.
    /// </summary>
    public ControllerBuilder<TEntity> WatchesThroughIndex<TOther>(string indexName)
        where TOther : class, IKubernetesObject<V1ObjectMeta> =>
        Watches<TOther>((other, cache) => cache.ByIndex(indexName, ReconcileRequest.For(other).ToString()).Select(ReconcileRequest.For));

    /// <summary>
    /// As <see cref="WatchesThroughIndex{TOther}(string)"/>, but an update requeues only when <paramref name="relevant"/>
    /// (what this kind reads of a <typeparamref name="TOther"/>) changed, as controller-runtime's predicates do: a
    /// Cluster's task counts change at every resync, and must not send every Service in it to read AWS on its own.
    /// </summary>
    public ControllerBuilder<TEntity> WatchesThroughIndex<TOther>(string indexName, Func<TOther, string> relevant)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(relevant);
        _services.AddInformer<TOther>();
        _watches.Add((provider, controller) =>
            provider.GetRequiredService<Informer<TOther>>().Subscribe(change =>
            {
                if (change is { Type: InformerEventType.Updated, Old: { } old } && relevant(old) == relevant(change.Object))
                {
                    return;
                }

                foreach (var dependent in controller.Cache.ByIndex(indexName, ReconcileRequest.For(change.Object).ToString()))
                {
                    controller.Enqueue(ReconcileRequest.For(dependent));
                }
            }));
        return this;
    }

    /// <summary>
    /// Requeues the objects two indexes lead to from a changed <typeparamref name="TOther"/>: the
    /// <typeparamref name="TVia"/> objects whose <paramref name="viaIndex"/> names it, then this kind's objects whose
    /// <paramref name="indexName"/> names one of those. A TaskDefinition's change requeues the LoadBalancerBindings of
    /// every Service that runs it.
    /// </summary>
    public ControllerBuilder<TEntity> WatchesThroughIndexes<TOther, TVia>(string viaIndex, string indexName)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
        where TVia : class, IKubernetesObject<V1ObjectMeta>
    {
        _services.AddInformer<TOther>();
        _services.AddInformer<TVia>();
        _watches.Add((provider, controller) =>
        {
            var via = provider.GetRequiredService<IResourceCache<TVia>>();
            provider.GetRequiredService<Informer<TOther>>().Subscribe(change =>
            {
                var requests = via.ByIndex(viaIndex, ReconcileRequest.For(change.Object).ToString())
                    .SelectMany(middle => controller.Cache.ByIndex(indexName, ReconcileRequest.For(middle).ToString()))
                    .Select(ReconcileRequest.For);
                foreach (var request in requests)
                {
                    controller.Enqueue(request);
                }
            });
        });
        return this;
    }
}

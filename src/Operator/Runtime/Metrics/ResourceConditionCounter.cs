using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Metrics;

/// <summary>
/// Keeps ecs_operator_resources{kind,condition,status} from one informer's events: each object counts once under each
/// condition it carries. Incremental, so that a scrape never walks (or clones) the cache. Every kstatus condition
/// starts at 0, so that alerts and dashboards see the series before the first object.
/// </summary>
public sealed class ResourceConditionCounter<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly string[] ConditionTypesShown = [ConditionTypes.Ready, ConditionTypes.Reconciling, ConditionTypes.Stalled];
    private static readonly string[] StatusesShown = [ConditionStatus.True, ConditionStatus.False, ConditionStatus.Unknown];
    private readonly Dictionary<string, (string Type, string Status)[]> _counted = new(StringComparer.Ordinal);
    private readonly RuntimeMetrics _metrics;
    private readonly string _kind;

    public ResourceConditionCounter(string kind, RuntimeMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _kind = kind;
        _metrics = metrics;
        foreach (var type in ConditionTypesShown)
        {
            foreach (var status in StatusesShown)
            {
                _metrics.CountResources(_kind, type, status, 0);
            }
        }
    }

    /// <summary>Subscribed to the kind's informer; called on its loop.</summary>
    public void OnChange(InformerEvent<TEntity> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = ReconcileRequest.For(change.Object).ToString();
        lock (_counted)
        {
            if (_counted.Remove(key, out var before))
            {
                Count(before, -1);
            }

            if (change.Type != InformerEventType.Deleted)
            {
                var now = ConditionsOf(change.Object);
                _counted[key] = now;
                Count(now, +1);
            }
        }
    }

    private void Count((string Type, string Status)[] conditions, int delta)
    {
        foreach (var (type, status) in conditions)
        {
            _metrics.CountResources(_kind, type, status, delta);
        }
    }

    /// <summary>
    /// The condition's own strings would keep four small strings of every object alive (about 120 bytes each object):
    /// the cache keeps JSON, so nothing else holds them. Known types and statuses are string literals, so the
    /// runtime's intern pool already has one instance of each.
    /// </summary>
    private static (string Type, string Status)[] ConditionsOf(TEntity obj) =>
        obj is IEcsResource resource
            ? [.. resource.ResourceStatus.Conditions.Select(c => (Canonical(c.Type), Canonical(c.Status))).Distinct()]
            : [];

    private static string Canonical(string value) => string.IsInterned(value) ?? value;
}

using EcsOperator.Runtime.Reconcile;
using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Controller;

/// <summary>
/// One periodic resync of a kind: the runtime calls it once per resync period with every cached key, and the sweep
/// enqueues what must be looked at. The default enqueues every key. A kind can supply its own (through
/// <see cref="ControllerBuilder{TEntity}.ResyncWith{TSweep}"/>), for example to read AWS in batches first so that
/// the reconciles of the sweep find what they need.
/// </summary>
public interface IResyncSweep<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    Task SweepAsync(IReadOnlyList<ReconcileRequest> keys, Action<ReconcileRequest> enqueue, CancellationToken cancellationToken);
}

/// <summary>The default sweep: every cached object is reconciled once per resync period.</summary>
public sealed class EnqueueAllSweep<TEntity> : IResyncSweep<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    public Task SweepAsync(IReadOnlyList<ReconcileRequest> keys, Action<ReconcileRequest> enqueue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(enqueue);
        foreach (var key in keys)
        {
            enqueue(key);
        }

        return Task.CompletedTask;
    }
}

using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Reconcile;

/// <summary>
/// The two verbs of a controller. The runtime adds the finalizer before <see cref="ReconcileAsync"/> runs, routes
/// objects with a deletionTimestamp to <see cref="FinalizeAsync"/>, and removes the finalizer only after
/// FinalizeAsync returns <see cref="ReconcileResult.Done"/>. Both receive the object the runtime took from the
/// informer cache: a private copy, so the reconciler may set its status without corrupting the cache.
/// Throw <see cref="TerminalReconcileException"/> when a human must act; any other exception is retried with backoff.
/// </summary>
public interface IReconciler<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    Task<ReconcileResult> ReconcileAsync(TEntity obj, CancellationToken cancellationToken);

    Task<ReconcileResult> FinalizeAsync(TEntity obj, CancellationToken cancellationToken);
}

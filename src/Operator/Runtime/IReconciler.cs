using k8s;
using k8s.Models;

namespace EcsOperator.Runtime;

/// <summary>
/// The two verbs of a controller. The runtime adds the finalizer before <see cref="ReconcileAsync"/> runs, routes
/// objects with a deletionTimestamp to <see cref="FinalizeAsync"/>, and removes the finalizer only after
/// FinalizeAsync returns <see cref="ReconcileResult.Done"/>. Both read the object from the informer cache.
/// Throw <see cref="TerminalReconcileException"/> when a human must act; any other exception is retried with backoff.
/// </summary>
public interface IReconciler<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken);

    Task<ReconcileResult> FinalizeAsync(ReconcileRequest request, CancellationToken cancellationToken);
}

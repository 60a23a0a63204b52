using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Client;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Controller;

/// <summary>
/// Makes a terminal error visible where users look: Stalled=True with the error's reason and message (so that
/// `kubectl wait` and GitOps health show it), and a Warning event on the object.
/// </summary>
public sealed class TerminalErrorReporter(IKubeClient client, IEventRecorder events, TimeProvider time)
{
    public async Task ReportAsync<TEntity>(TEntity failed, TEntity? latest, TerminalReconcileException error, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.AlreadyReported)
        {
            return;
        }

        await events.RecordAsync(failed, EventSeverity.Warning, error.Reason, "Reconcile", error.Message, cancellationToken);
        if (latest is not IEcsResource resource)
        {
            return;
        }

        var cached = ObjectCache<TEntity>.Clone(latest);
        Conditions.MarkStalled(resource.ResourceStatus, resource.Metadata.Generation, error.Reason, error.Message, time.GetUtcNow());
        resource.ResourceStatus.ObservedGeneration = resource.Metadata.Generation;
        var patch = StatusDiff.Create(((IEcsResource)cached).ResourceStatus, resource.ResourceStatus);
        if (patch is not null)
        {
            await client.PatchStatusAsync<TEntity>(resource.Metadata.NamespaceProperty, resource.Metadata.Name, patch, cancellationToken);
        }
    }
}

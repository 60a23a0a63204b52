using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Status;

/// <summary>Normal or Warning, as events.k8s.io/v1 spells them.</summary>
public enum EventSeverity
{
    Normal,
    Warning,
}

/// <summary>
/// Records Kubernetes Events on objects (every AWS mutation, drift corrections, terminal errors). Best effort: a
/// failure to record is logged, never thrown into the reconcile, and the reconcile does not wait for the API server.
/// </summary>
public interface IEventRecorder
{
    /// <param name="regarding">The object the event is about.</param>
    /// <param name="severity">Normal or Warning.</param>
    /// <param name="reason">CamelCase, for example ServiceCreated or DriftCorrected.</param>
    /// <param name="action">What the operator did or tried, for example CreateService.</param>
    /// <param name="note">A human-readable sentence (at most 1 kB is kept).</param>
    /// <param name="cancellationToken">Cancels the API call.</param>
    Task RecordAsync(IKubernetesObject<V1ObjectMeta> regarding, EventSeverity severity, string reason, string action, string note, CancellationToken cancellationToken);
}

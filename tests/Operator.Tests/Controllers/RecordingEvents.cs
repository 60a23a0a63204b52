using EcsOperator.Runtime.Status;
using k8s;
using k8s.Models;

namespace EcsOperator.Tests.Controllers;

/// <summary>Keeps the reasons of recorded events, in order.</summary>
public sealed class RecordingEvents : IEventRecorder
{
    public List<string> Reasons { get; } = [];

    public Task RecordAsync(IKubernetesObject<V1ObjectMeta> regarding, EventSeverity severity, string reason, string action, string note, CancellationToken cancellationToken)
    {
        Reasons.Add(reason);
        return Task.CompletedTask;
    }
}

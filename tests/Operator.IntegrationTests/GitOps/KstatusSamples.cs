using System.Text.Json.Nodes;
using EcsOperator.Entities;
using EcsOperator.Runtime.Status;
using k8s;
using k8s.Models;

namespace EcsOperator.IntegrationTests.GitOps;

/// <summary>
/// Objects of any kind in a given kstatus state, built with the operator's own entity types and
/// <see cref="Conditions"/>, so that the samples carry exactly the fields and condition sets the operator writes.
/// </summary>
public static class KstatusSamples
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A freshly applied object: the operator has not written any status yet.</summary>
    public static JsonObject WithoutStatus(Type kind)
    {
        var obj = Build(kind, generation: 1, _ => { });
        obj.Remove("status");
        return obj;
    }

    public static JsonObject Ready(Type kind, long generation = 1) =>
        Build(kind, generation, s => Conditions.MarkReady(s, generation, "Synced", "in sync with AWS", Now));

    public static JsonObject Reconciling(Type kind, string reason, string message, long generation = 1) =>
        Build(kind, generation, s => Conditions.MarkReconciling(s, generation, reason, message, Now));

    public static JsonObject Stalled(Type kind, string reason, string message, long generation = 1) =>
        Build(kind, generation, s => Conditions.MarkStalled(s, generation, reason, message, Now));

    /// <summary>The same object after `kubectl delete`: a deletionTimestamp, held by the operator's finalizer.</summary>
    public static JsonObject BeingDeleted(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var deleted = obj.DeepClone().AsObject();
        deleted["metadata"]!["deletionTimestamp"] = Now.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        return deleted;
    }

    /// <summary>The same object after an edit of its spec (generation + 1) that the operator has not observed yet.</summary>
    public static JsonObject EditedSince(JsonObject observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var edited = observed.DeepClone().AsObject();
        var metadata = edited["metadata"]!.AsObject();
        metadata["generation"] = metadata["generation"]!.GetValue<long>() + 1;
        return edited;
    }

    private static JsonObject Build(Type kind, long generation, Action<ResourceStatus> status)
    {
        var entity = (IEcsResource)Activator.CreateInstance(kind)!;
        entity.Metadata = new V1ObjectMeta
        {
            Name = "demo",
            NamespaceProperty = "team-a",
            Generation = generation,
            Finalizers = ["ecs.operator.dev/finalizer"],
        };
        status(entity.ResourceStatus);
        entity.ResourceStatus.ObservedGeneration = generation;
        return JsonNode.Parse(KubernetesJson.Serialize(entity))!.AsObject();
    }
}

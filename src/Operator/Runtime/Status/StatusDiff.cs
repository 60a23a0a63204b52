using System.Text.Json.Nodes;
using EcsOperator.Entities;
using EcsOperator.Runtime.Client;
using k8s;

namespace EcsOperator.Runtime.Status;

/// <summary>The merge patch that turns the cached status into the desired one; null when they are equal.</summary>
public static class StatusDiff
{
    public static JsonNode? Create(ResourceStatus? cached, ResourceStatus desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var from = cached is null ? new JsonObject() : ToJson(cached);
        return JsonMergePatch.Create(from, ToJson(desired));
    }

    private static JsonObject ToJson(ResourceStatus status) =>
        JsonNode.Parse(KubernetesJson.Serialize(status)) as JsonObject ?? [];
}

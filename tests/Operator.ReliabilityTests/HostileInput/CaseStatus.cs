using System.Net;
using System.Text.Json;
using EcsOperator.Entities;
using k8s;
using k8s.Autorest;

namespace EcsOperator.ReliabilityTests.HostileInput;

/// <summary>Reads a case's object as raw JSON (any kind) and says whether it shows the case's expected condition.</summary>
public static class CaseStatus
{
    /// <summary>Null once the expectation holds; otherwise what the object shows instead.</summary>
    public static async Task<string?> MismatchAsync(IKubernetes client, string ns, InvalidCase c, CancellationToken cancellationToken)
    {
        JsonElement obj;
        try
        {
            obj = (JsonElement)await client.CustomObjects.GetNamespacedCustomObjectAsync(EntityGroup.Group, EntityGroup.Version, ns, c.Plural, c.Name, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return "the object does not exist";
        }

        var (type, reason) = c.Outcome == Outcome.InvalidSpec ? (ConditionTypes.Stalled, "InvalidSpec") : (ConditionTypes.Reconciling, "DependencyNotReady");
        var conditions = obj.TryGetProperty("status", out var status) && status.TryGetProperty("conditions", out var list) ? list.EnumerateArray().ToList() : [];
        var condition = conditions.FirstOrDefault(x => x.GetProperty("type").GetString() == type);
        var shown = condition.ValueKind == JsonValueKind.Object
            ? $"{type}={condition.GetProperty("status").GetString()} {condition.GetProperty("reason").GetString()}: {condition.GetProperty("message").GetString()}"
            : $"no {type} condition (status: {(obj.TryGetProperty("status", out var s) ? s.GetRawText() : "none")})";
        var holds = condition.ValueKind == JsonValueKind.Object
            && condition.GetProperty("status").GetString() == "True"
            && condition.GetProperty("reason").GetString() == reason
            && condition.GetProperty("message").GetString()!.Contains(c.Expected, StringComparison.Ordinal);
        return holds ? null : shown;
    }
}

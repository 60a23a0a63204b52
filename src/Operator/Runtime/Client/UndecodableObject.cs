using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using k8s;

namespace EcsOperator.Runtime.Client;

/// <summary>An object the API server holds that could not be read as its entity type, and why.</summary>
public sealed record UndecodableObject(string? Namespace, string Name, string? ResourceVersion, string Reason)
{
    /// <summary>The cache key (namespace/name), as <see cref="Reconcile.ReconcileRequest"/> prints it.</summary>
    public string Key => string.IsNullOrEmpty(Namespace) ? Name : $"{Namespace}/{Name}";

    /// <summary>
    /// Reads one object of a list or watch event. Any failure (a wrong type, a value the entity cannot hold) becomes
    /// an <see cref="UndecodableObject"/> named from the raw metadata, so the caller skips that object and goes on.
    /// </summary>
    public static bool TryDecode<TEntity>(JsonElement raw, [NotNullWhen(true)] out TEntity? entity, [NotNullWhen(false)] out UndecodableObject? undecodable)
        where TEntity : class
    {
        try
        {
            entity = KubernetesJson.Deserialize<TEntity>(raw) ?? throw new JsonException("the object is JSON null");
            undecodable = null;
            return true;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException
            or ArgumentException or OverflowException or InsufficientExecutionStackException)
        {
            entity = null;
            undecodable = Describe(raw, e.Message);
            return false;
        }
    }

    private static UndecodableObject Describe(JsonElement raw, string reason)
    {
        var metadata = raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return new UndecodableObject(Text(metadata, "namespace"), Text(metadata, "name") ?? "(unnamed)", Text(metadata, "resourceVersion"), reason);
    }

    private static string? Text(JsonElement metadata, string property) =>
        metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

using System.Text.Json.Nodes;

namespace AwsFaultProxy.Ecs;

/// <summary>
/// Typed reads of request members. A member of the wrong JSON type is refused as ECS's deserializer refuses it: a
/// SerializationException that names the member.
/// </summary>
internal static class JsonMembers
{
    public static string? Text(this JsonNode node, string name) => Read<string>(node, name);

    public static int? Number(this JsonNode node, string name) => node[name] is null ? null : Read<int>(node, name);

    public static bool? Flag(this JsonNode node, string name) => node[name] is null ? null : Read<bool>(node, name);

    private static T? Read<T>(JsonNode node, string name)
    {
        try
        {
            return node[name] is { } value ? value.GetValue<T>() : default;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new EcsApiException("SerializationException", $"{name} must be a JSON {(typeof(T) == typeof(string) ? "string" : typeof(T) == typeof(int) ? "integer" : "boolean")}.");
        }
    }
}

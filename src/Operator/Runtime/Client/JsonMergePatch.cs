using System.Text.Json.Nodes;

namespace EcsOperator.Runtime.Client;

/// <summary>
/// Builds an RFC 7386 merge patch that turns one JSON document into another: changed members are set, removed
/// members are set to null, arrays are replaced whole. Null when the documents are equal.
/// </summary>
public static class JsonMergePatch
{
    public static JsonNode? Create(JsonNode? from, JsonNode? to)
    {
        if (JsonNode.DeepEquals(from, to))
        {
            return null;
        }

        if (from is not JsonObject fromObject || to is not JsonObject toObject)
        {
            return to?.DeepClone() ?? JsonValue.Create((string?)null);
        }

        var patch = new JsonObject();
        foreach (var (name, value) in toObject)
        {
            if (!fromObject.TryGetPropertyValue(name, out var old))
            {
                patch[name] = value?.DeepClone();
            }
            else if (!JsonNode.DeepEquals(old, value))
            {
                patch[name] = value is null ? null : Create(old, value);
            }
        }

        foreach (var (name, _) in fromObject)
        {
            if (!toObject.ContainsKey(name))
            {
                patch[name] = null;
            }
        }

        return patch;
    }
}

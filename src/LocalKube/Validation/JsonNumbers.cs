using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalKube.Validation;

/// <summary>
/// Reads JSON scalars whatever backs the node: values parsed from JSON text (a JsonElement) and values created
/// from CLR primitives (YAML bodies, in-process writes) convert differently, so read them through their text.
/// </summary>
public static class JsonNumbers
{
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryGetLong(JsonNode? node, out long value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryGetBool(JsonNode? node, out bool value)
    {
        var kind = node?.GetValueKind();
        value = kind == JsonValueKind.True;
        return kind is JsonValueKind.True or JsonValueKind.False;
    }

    public static bool TryGetString(JsonNode? node, out string value)
    {
        value = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : string.Empty;
        return node is JsonValue s && s.GetValueKind() == JsonValueKind.String;
    }
}

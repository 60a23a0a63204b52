using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalKube.Validation;

/// <summary>The JSON type names kube-openapi reports for a value ("string", "integer", "number", ...).</summary>
internal static class JsonTypes
{
    public static string Of(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsInteger(node) ? "integer" : "number",
            _ => "null",
        };
    }

    /// <summary>True for a JSON number with no fractional part (1 and 1.0 alike, as Go's decoder sees them).</summary>
    public static bool IsInteger(JsonNode node) =>
        JsonNumbers.TryGetDouble(node, out var d) && Math.Floor(d) == d && !double.IsInfinity(d);

    /// <summary>Whether a value of <paramref name="actual"/> type satisfies the schema's declared type.</summary>
    public static bool Satisfies(string declared, string actual) =>
        declared == actual || (declared == "number" && actual == "integer");
}

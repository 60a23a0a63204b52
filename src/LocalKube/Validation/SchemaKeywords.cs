using System.Text.Json.Nodes;

namespace LocalKube.Validation;

/// <summary>Typed reads of the openAPIV3Schema keywords a structural schema may carry.</summary>
internal static class SchemaKeywords
{
    public static string? Type(this JsonObject schema) => schema["type"]?.GetValue<string>();

    public static bool Flag(this JsonObject schema, string keyword) =>
        JsonNumbers.TryGetBool(schema[keyword], out var b) && b;

    public static bool IntOrString(this JsonObject schema) => schema.Flag("x-kubernetes-int-or-string");

    public static bool PreservesUnknownFields(this JsonObject schema) => schema.Flag("x-kubernetes-preserve-unknown-fields");

    public static bool EmbeddedResource(this JsonObject schema) => schema.Flag("x-kubernetes-embedded-resource");

    public static JsonObject? Properties(this JsonObject schema) => schema["properties"] as JsonObject;

    public static JsonObject? Property(this JsonObject schema, string name) => schema.Properties()?[name] as JsonObject;

    public static JsonObject? Items(this JsonObject schema) => schema["items"] as JsonObject;

    /// <summary>The schema of a map's values, when additionalProperties is a schema (not a boolean).</summary>
    public static JsonObject? AdditionalProperties(this JsonObject schema) => schema["additionalProperties"] as JsonObject;

    public static bool AllowsAnyAdditionalProperty(this JsonObject schema) =>
        JsonNumbers.TryGetBool(schema["additionalProperties"], out var b) && b;

    public static long? Long(this JsonObject schema, string keyword) =>
        JsonNumbers.TryGetDouble(schema[keyword], out var d) ? (long)d : null;

    public static double? Double(this JsonObject schema, string keyword) =>
        JsonNumbers.TryGetDouble(schema[keyword], out var d) ? d : null;

    public static IEnumerable<string> Required(this JsonObject schema) =>
        (schema["required"] as JsonArray)?.Select(n => n!.GetValue<string>()) ?? [];

    public static IEnumerable<JsonObject> SubSchemas(this JsonObject schema, string keyword) =>
        (schema[keyword] as JsonArray)?.OfType<JsonObject>() ?? [];

    /// <summary>Appends a property name to a field path the way kube-openapi does ("spec" + "cpu" → "spec.cpu").</summary>
    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>Appends a list index to a field path ("spec.items" + 0 → "spec.items[0]").</summary>
    public static string Index(string path, int index) => $"{path}[{index}]";
}

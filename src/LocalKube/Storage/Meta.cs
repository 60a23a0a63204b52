using System.Globalization;
using System.Text.Json.Nodes;

namespace LocalKube.Storage;

/// <summary>Reads and writes the <c>metadata</c> fields of an object held as a <see cref="JsonObject"/>.</summary>
public static class Meta
{
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject m)
        {
            return m;
        }

        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string? Name(JsonObject obj) => Str(obj["metadata"]?["name"]);

    public static string? Namespace(JsonObject obj) => Str(obj["metadata"]?["namespace"]);

    public static string? Uid(JsonObject obj) => Str(obj["metadata"]?["uid"]);

    public static string? ResourceVersion(JsonObject obj) => Str(obj["metadata"]?["resourceVersion"]);

    public static string? DeletionTimestamp(JsonObject obj) => Str(obj["metadata"]?["deletionTimestamp"]);

    public static bool IsDeleting(JsonObject obj) => DeletionTimestamp(obj) is not null;

    public static JsonObject? Labels(JsonObject obj) => obj["metadata"]?["labels"] as JsonObject;

    public static IReadOnlyList<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray a
            ? a.Select(Str).Where(s => s is not null).Select(s => s!).ToList()
            : [];

    public static void SetFinalizers(JsonObject obj, IEnumerable<string> finalizers)
    {
        var list = finalizers.ToList();
        if (list.Count == 0)
        {
            Metadata(obj).Remove("finalizers");
            return;
        }

        Metadata(obj)["finalizers"] = new JsonArray(list.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
    }

    /// <summary>A JSON integer whatever CLR type it was created from (parsed values and literals differ).</summary>
    public static long Long(JsonNode? node, long fallback) =>
        node is JsonValue && long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    public static long ParseResourceVersion(string? rv) =>
        long.TryParse(rv, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    public static string Format(long rv) => rv.ToString(CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Deep copy; stored objects are never handed out, only copies.</summary>
    public static JsonObject Clone(JsonObject obj) => (JsonObject)obj.DeepClone();

    /// <summary>The object with metadata and (optionally) status removed: what a generation change is measured on.</summary>
    public static JsonObject SpecView(JsonObject obj, bool ignoreStatus)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is "metadata" or "apiVersion" or "kind" || (ignoreStatus && key == "status"))
            {
                continue;
            }

            copy[key] = value?.DeepClone();
        }

        return copy;
    }
}

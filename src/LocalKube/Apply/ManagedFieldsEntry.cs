using System.Globalization;
using System.Text.Json.Nodes;

namespace LocalKube.Apply;

/// <summary>One metadata.managedFields entry: who (manager, operation, subresource) owns which fields.</summary>
public sealed class ManagedFieldsEntry
{
    public required string Manager { get; init; }

    /// <summary>"Apply" or "Update".</summary>
    public required string Operation { get; init; }

    public required string ApiVersion { get; set; }

    public string Subresource { get; init; } = string.Empty;

    public DateTimeOffset? Time { get; set; }

    public FieldSet Fields { get; set; } = new();

    public bool IsApply => Operation == "Apply";

    public bool SameOwner(string manager, string operation, string subresource) =>
        Manager == manager && Operation == operation && Subresource == subresource;

    /// <summary>How the apiserver names a manager in conflict messages (printManager in fieldmanager).</summary>
    public string Describe()
    {
        var text = Validation.GoFormat.Quote(Manager);
        if (Subresource.Length > 0)
        {
            text += $" with subresource {Validation.GoFormat.Quote(Subresource)}";
        }

        return IsApply ? text : $"{text} using {ApiVersion}";
    }

    public static List<ManagedFieldsEntry> ReadAll(JsonObject? obj) =>
        (obj?["metadata"]?["managedFields"] as JsonArray)?.OfType<JsonObject>().Select(Read).ToList() ?? [];

    public static void WriteAll(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        var kept = entries.Where(e => e.Fields.Count > 0).Select(e => (JsonNode)e.ToJson()).ToArray();
        if (kept.Length == 0)
        {
            metadata.Remove("managedFields");
        }
        else
        {
            metadata["managedFields"] = new JsonArray(kept);
        }
    }

    private static ManagedFieldsEntry Read(JsonObject json) => new()
    {
        Manager = json["manager"]?.GetValue<string>() ?? string.Empty,
        Operation = json["operation"]?.GetValue<string>() ?? "Update",
        ApiVersion = json["apiVersion"]?.GetValue<string>() ?? string.Empty,
        Subresource = json["subresource"]?.GetValue<string>() ?? string.Empty,
        Time = DateTimeOffset.TryParse(json["time"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null,
        Fields = FieldsV1.Parse(json["fieldsV1"] as JsonObject),
    };

    private JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["manager"] = Manager,
            ["operation"] = Operation,
            ["apiVersion"] = ApiVersion,
        };
        if (Time is { } time)
        {
            json["time"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        json["fieldsType"] = "FieldsV1";
        json["fieldsV1"] = FieldsV1.From(Fields);
        if (Subresource.Length > 0)
        {
            json["subresource"] = Subresource;
        }

        return json;
    }
}

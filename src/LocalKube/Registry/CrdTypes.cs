using System.Text.Json.Nodes;
using LocalKube.Storage;

namespace LocalKube.Registry;

/// <summary>Turns a CustomResourceDefinition object into the resource types it serves, one per served version.</summary>
public static class CrdTypes
{
    public static IReadOnlyList<ResourceType> FromCrd(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject;
        var names = spec?["names"] as JsonObject;
        var group = Meta.Str(spec?["group"]);
        var plural = Meta.Str(names?["plural"]);
        var kind = Meta.Str(names?["kind"]);
        if (spec is null || names is null || group is null || plural is null || kind is null)
        {
            return [];
        }

        var result = new List<ResourceType>();
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["served"] is JsonValue served && served.TryGetValue<bool>(out var s) && !s)
            {
                continue;
            }

            var subresources = version["subresources"] as JsonObject;
            result.Add(new ResourceType
            {
                Group = group,
                Version = Meta.Str(version["name"]) ?? "v1",
                Kind = kind,
                Plural = plural,
                Singular = Meta.Str(names["singular"]) ?? kind.ToLowerInvariant(),
                Namespaced = Meta.Str(spec["scope"]) != "Cluster",
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                HasStatusSubresource = subresources?["status"] is not null,
                ScaleSubresource = subresources?["scale"]?.DeepClone() as JsonObject,
                Schema = version["schema"]?["openAPIV3Schema"]?.DeepClone() as JsonObject,
                PrinterColumns = Columns(version["additionalPrinterColumns"] as JsonArray),
                IsCustom = true,
                TracksGeneration = true,
                CrdName = Meta.Name(crd),
                IsStorageVersion = version["storage"] is JsonValue st && st.TryGetValue<bool>(out var b) && b,
            });
        }

        return result;
    }

    /// <summary>Sets the status a real apiextensions controller would: names accepted, established.</summary>
    public static void MarkEstablished(JsonObject crd, DateTimeOffset now)
    {
        var spec = crd["spec"] as JsonObject;
        var status = new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", now),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now)),
            ["acceptedNames"] = spec?["names"]?.DeepClone(),
            ["storedVersions"] = new JsonArray((spec?["versions"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Where(v => v["storage"] is JsonValue s && s.TryGetValue<bool>(out var b) && b)
                .Select(v => (JsonNode?)JsonValue.Create(Meta.Str(v["name"])))
                .ToArray()),
        };
        crd["status"] = status;
    }

    private static JsonObject Condition(string type, string reason, string message, DateTimeOffset now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = Meta.Timestamp(now),
        ["reason"] = reason,
        ["message"] = message,
    };

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(Meta.Str).Where(s => s is not null).Select(s => s!).ToList();

    private static List<PrinterColumn> Columns(JsonArray? columns) =>
        (columns ?? []).OfType<JsonObject>()
            .Select(c => new PrinterColumn(
                Meta.Str(c["name"]) ?? string.Empty,
                Meta.Str(c["type"]) ?? "string",
                Meta.Str(c["jsonPath"]) ?? string.Empty,
                Meta.Str(c["description"]),
                LocalKube.Validation.JsonNumbers.TryGetLong(c["priority"], out var n) ? (int)n : 0, // YAML-seeded numbers are not JsonElement-backed
                Meta.Str(c["format"])))
            .ToList();
}

using System.Globalization;
using System.Text.Json.Nodes;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;

namespace EcsOperator.Controllers.TaskDefinition;

/// <summary>
/// The hash that identifies what a revision was registered from. It is taken over the RegisterTaskDefinition input
/// after normalization (DESIGN.md §5): environment and secrets sorted by name, ECS defaults filled in, empty lists
/// the same as absent ones. So reordering env vars, or writing a default out, registers nothing new.
/// </summary>
public static class TaskDefinitionSpecHash
{
    /// <summary>The tag each registered revision carries, next to the ownership tags.</summary>
    public const string TagKey = WellKnown.Prefix + "spec-hash";

    /// <summary>128 bits of SHA-256, as hex: collisions are not a practical concern and the tag stays short.</summary>
    private const int Length = 32;

    /// <summary>Spec fields that steer the operator and are not part of the revision.</summary>
    private static readonly string[] OperatorOnlyFields = ["revisionHistoryLimit", "deletionPolicy"];

    /// <summary>The hash of <paramref name="spec"/> (the spec serialized as JSON) registered under <paramref name="family"/>.</summary>
    public static string Compute(JsonObject spec, string family) => CanonicalJson.Sha256(Normalize(spec, family))[..Length];

    /// <summary>The normalized RegisterTaskDefinition input: a copy, the argument is left alone.</summary>
    public static JsonObject Normalize(JsonObject spec, string family)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var input = (JsonObject)spec.DeepClone();
        foreach (var field in OperatorOnlyFields)
        {
            input.Remove(field);
        }

        input["family"] = family;
        input["networkMode"] = NetworkModeOf(input);
        NormalizeSize(input, "cpu", "vCPU");
        NormalizeSize(input, "memory", "GB");
        SortStrings(input, "requiresCompatibilities");
        var awsvpc = (string?)input["networkMode"] == "awsvpc";
        foreach (var container in (input["containerDefinitions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            NormalizeContainer(container, awsvpc);
        }

        return input;
    }

    private static string NetworkModeOf(JsonObject input)
    {
        if (input["networkMode"] is JsonValue mode && mode.TryGetValue<string>(out var value))
        {
            return value;
        }

        var os = (string?)input["runtimePlatform"]?["operatingSystemFamily"];
        return os is not null && os.StartsWith("WINDOWS", StringComparison.Ordinal) ? "default" : "bridge";
    }

    private static void NormalizeContainer(JsonObject container, bool awsvpc)
    {
        container["essential"] ??= true;
        SortByName(container, "environment");
        SortByName(container, "secrets");
        foreach (var port in (container["portMappings"] as JsonArray ?? []).OfType<JsonObject>())
        {
            port["protocol"] ??= "tcp";
            if (awsvpc && port["containerPort"] is not null)
            {
                port["hostPort"] ??= port["containerPort"]!.DeepClone();
            }
        }
    }

    /// <summary>ECS accepts "0.25 vCPU" for "256" and "1 GB" for "1024"; both mean the same revision.</summary>
    private static void NormalizeSize(JsonObject input, string field, string unit)
    {
        if (input[field] is JsonValue node && node.TryGetValue<string>(out var text))
        {
            input[field] = FargateSizes.Parse(text, unit)?.ToString(CultureInfo.InvariantCulture) ?? text.Trim();
        }
    }

    private static void SortByName(JsonObject container, string field)
    {
        if (container[field] is JsonArray items)
        {
            var sorted = items.Select(i => i?.DeepClone()).OrderBy(i => (string?)i?["name"], StringComparer.Ordinal).ToArray();
            container[field] = new JsonArray(sorted);
        }
    }

    private static void SortStrings(JsonObject input, string field)
    {
        if (input[field] is JsonArray items)
        {
            var sorted = items.Select(i => (string?)i).Distinct().Order(StringComparer.Ordinal).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray();
            input[field] = new JsonArray(sorted);
        }
    }
}

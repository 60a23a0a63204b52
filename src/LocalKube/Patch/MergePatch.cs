using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalKube.Extensibility;
using LocalKube.Serialization;
using LocalKube.Server;

namespace LocalKube.Patch;

/// <summary>RFC 7386 JSON merge patch: objects merge recursively, null deletes, everything else replaces.</summary>
public sealed class MergePatch : IPatchHandler
{
    public const string MediaType = "application/merge-patch+json";

    public string ContentType => MediaType;

    public JsonObject? Apply(PatchContext context)
    {
        if (context.Current is null)
        {
            return null;
        }

        JsonNode? patch;
        try
        {
            patch = JsonLimits.Parse(context.Body);
        }
        catch (JsonException e)
        {
            throw Statuses.BadRequest($"error decoding patch: {e.Message}");
        }

        if (patch is not JsonObject patchObject)
        {
            throw Statuses.BadRequest("a merge patch must be a JSON object");
        }

        return (JsonObject)Merge(context.Current, patchObject)!;
    }

    /// <summary>Merges <paramref name="patch"/> into <paramref name="target"/> and returns the result.</summary>
    public static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack(); // a deep body is a 400 (ApiDispatcher), not a crash
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            // Detached, the existing value can be merged into as is: cloning it at every level would make a deep
            // object cost depth squared.
            var existing = result[key];
            result.Remove(key);
            result[key] = Merge(existing, value);
        }

        return result;
    }
}

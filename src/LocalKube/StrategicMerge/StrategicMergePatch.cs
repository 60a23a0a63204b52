using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace LocalKube.StrategicMerge;

/// <summary>
/// Applies an <c>application/strategic-merge-patch+json</c> body to a built-in object, as kubectl's client-side
/// apply, label and annotate send it: maps merge (null deletes), lists with a known merge key merge item by item,
/// other lists are replaced. Directives: <c>$patch</c> (replace, delete, merge), <c>$retainKeys</c>,
/// <c>$setElementOrder/&lt;list&gt;</c> and <c>$deleteFromPrimitiveList/&lt;list&gt;</c>.
/// </summary>
public static class StrategicMergePatch
{
    private const string SetElementOrder = "$setElementOrder/";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";

    public static JsonObject Apply(JsonObject current, JsonObject patch)
    {
        var result = (JsonObject)current.DeepClone();
        return MergeMap(result, patch, parentField: null) ?? [];
    }

    /// <summary>Merges <paramref name="patch"/> into <paramref name="target"/>; null means the map was deleted.</summary>
    internal static JsonObject? MergeMap(JsonObject target, JsonObject patch, string? parentField)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack(); // a deep body is a 400 (ApiDispatcher), not a crash
        switch (patch["$patch"]?.GetValue<string>())
        {
            case "delete":
                return null;
            case "replace":
                var replaced = (JsonObject)patch.DeepClone();
                replaced.Remove("$patch");
                return replaced;
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }

            MergeField(target, key, value, parentField);
        }

        ApplyListDirectives(target, patch, parentField);
        if (patch["$retainKeys"] is JsonArray retain)
        {
            var keep = retain.Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var key in target.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                target.Remove(key);
            }
        }

        return target;
    }

    // parentField: the field that holds target (a list's name for list items), which decides container vs service ports.
    private static void MergeField(JsonObject target, string key, JsonNode? value, string? parentField)
    {
        if (value is null)
        {
            target.Remove(key);
            return;
        }

        var existing = target[key];
        switch (value)
        {
            case JsonObject patchMap when existing is JsonObject currentMap:
                var merged = MergeMap(currentMap, patchMap, key);
                if (merged is null)
                {
                    target.Remove(key);
                }
                else if (!ReferenceEquals(merged, currentMap))
                {
                    target[key] = merged;
                }

                break;
            case JsonObject patchMap:
                target[key] = MergeMap([], patchMap, key);
                break;
            case JsonArray patchList:
                target[key] = ListMerge.Merge(existing as JsonArray, patchList, key, parentField);
                break;
            default:
                target[key] = value.DeepClone();
                break;
        }
    }

    private static void ApplyListDirectives(JsonObject target, JsonObject patch, string? parentField)
    {
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal) && value is JsonArray removals
                && target[key[DeleteFromPrimitiveList.Length..]] is JsonArray list)
            {
                foreach (var item in list.Where(i => removals.Any(r => JsonNode.DeepEquals(r, i))).ToList())
                {
                    list.Remove(item);
                }
            }
            else if (key.StartsWith(SetElementOrder, StringComparison.Ordinal) && value is JsonArray order)
            {
                var field = key[SetElementOrder.Length..];
                if (target[field] is JsonArray items)
                {
                    target[field] = ListMerge.Reorder(items, order, MergeKeys.For(field, parentField));
                }
            }
        }
    }
}

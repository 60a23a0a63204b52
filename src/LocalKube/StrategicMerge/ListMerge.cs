using System.Text.Json.Nodes;

namespace LocalKube.StrategicMerge;

/// <summary>How strategic merge treats one list: merge by key, merge as a set, or replace.</summary>
internal static class ListMerge
{
    public static JsonArray Merge(JsonArray? current, JsonArray patch, string field, string? parentField)
    {
        var mergeKey = MergeKeys.For(field, parentField);
        if (mergeKey is not null && patch.All(i => i is JsonObject))
        {
            return MergeByKey(current ?? [], patch, mergeKey, field);
        }

        if (MergeKeys.IsPrimitiveSet(field))
        {
            var union = (JsonArray)(current?.DeepClone() ?? new JsonArray());
            foreach (var item in patch.Where(p => !union.Any(u => JsonNode.DeepEquals(u, p))))
            {
                union.Add(item?.DeepClone());
            }

            return union;
        }

        return (JsonArray)patch.DeepClone();
    }

    private static JsonArray MergeByKey(JsonArray current, JsonArray patch, string mergeKey, string field)
    {
        if (patch.Any(i => i?["$patch"]?.GetValue<string>() == "replace"))
        {
            return [.. patch.Where(i => i?["$patch"] is null).Select(i => i!.DeepClone())];
        }

        var result = (JsonArray)current.DeepClone();
        foreach (var patchItem in patch.OfType<JsonObject>())
        {
            var match = Find(result, mergeKey, patchItem[mergeKey]);
            if (patchItem["$patch"]?.GetValue<string>() == "delete")
            {
                if (match is not null)
                {
                    result.Remove(match);
                }

                continue;
            }

            if (match is null)
            {
                var added = StrategicMergePatch.MergeMap([], patchItem, field);
                result.Add(added);
            }
            else
            {
                StrategicMergePatch.MergeMap(match, patchItem, field);
            }
        }

        return result;
    }

    /// <summary>Orders items as <c>$setElementOrder</c> lists them; items it does not name keep their place at the end.</summary>
    public static JsonArray Reorder(JsonArray items, JsonArray order, string? mergeKey)
    {
        var remaining = items.ToList();
        var ordered = new List<JsonNode?>();
        foreach (var wanted in order)
        {
            var hit = mergeKey is not null && wanted is JsonObject o
                ? remaining.FirstOrDefault(i => JsonNode.DeepEquals(i?[mergeKey], o[mergeKey]))
                : remaining.FirstOrDefault(i => JsonNode.DeepEquals(i, wanted));
            if (hit is not null)
            {
                ordered.Add(hit);
                remaining.Remove(hit);
            }
        }

        return [.. ordered.Concat(remaining).Select(n => n?.DeepClone())];
    }

    private static JsonObject? Find(JsonArray list, string mergeKey, JsonNode? key) =>
        list.OfType<JsonObject>().FirstOrDefault(i => JsonNode.DeepEquals(i[mergeKey], key));
}

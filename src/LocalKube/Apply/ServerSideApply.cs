using System.Text.Json.Nodes;

namespace LocalKube.Apply;

/// <summary>What one apply request asks for.</summary>
public sealed record ApplyRequest(
    JsonObject Applied,
    string FieldManager,
    string ApiVersion,
    bool Force,
    string Subresource,
    DateTimeOffset Now);

/// <summary>
/// Server-side apply (<c>application/apply-patch+yaml</c>) on JSON objects: ownership per leaf field, lists atomic.
/// A field another manager owns with a different value is a conflict unless forced (force moves ownership);
/// fields this manager applied before and omits now are removed when nobody else owns them; the applied
/// configuration is then merged in and the manager's Apply entry records exactly the applied fields.
/// </summary>
public static class ServerSideApply
{
    /// <summary>Returns the new object (with managedFields) or throws <see cref="ApplyConflictException"/>.</summary>
    public static JsonObject Apply(JsonObject? current, ApplyRequest request)
    {
        var applied = request.Applied;
        var appliedFields = FieldSet.LeavesOf(applied);
        var entries = ManagedFieldsEntry.ReadAll(current);
        var mine = entries.FirstOrDefault(e => e.SameOwner(request.FieldManager, "Apply", request.Subresource));
        var others = entries.Where(e => !ReferenceEquals(e, mine)).ToList();

        var result = current is null ? new JsonObject() : (JsonObject)current.DeepClone();
        if (current is not null)
        {
            var conflicts = FindConflicts(current, applied, appliedFields, others);
            if (conflicts.Count > 0 && !request.Force)
            {
                throw new ApplyConflictException(conflicts);
            }

            foreach (var conflict in conflicts)
            {
                conflict.Owner.Fields.Remove(conflict.Path);
            }

            RemoveAbandoned(result, mine?.Fields.Except(appliedFields), others);
        }

        JsonMerge.Into(result, applied);
        if (mine is null)
        {
            mine = new ManagedFieldsEntry { Manager = request.FieldManager, Operation = "Apply", ApiVersion = request.ApiVersion, Subresource = request.Subresource };
            others.Insert(0, mine);
        }
        else
        {
            others.Insert(entries.IndexOf(mine), mine);
        }

        var unchanged = current is not null && mine.Time is not null && SameContent(current, result) && mine.Fields.Except(appliedFields).Count == 0
            && appliedFields.Except(mine.Fields).Count == 0;
        mine.Fields = appliedFields;
        mine.ApiVersion = request.ApiVersion;
        mine.Time = unchanged ? mine.Time : request.Now;
        ManagedFieldsEntry.WriteAll(result, others);
        return result;
    }

    /// <summary>True when two objects differ in nothing but managedFields (a no-op apply keeps its timestamp).</summary>
    private static bool SameContent(JsonObject a, JsonObject b)
    {
        var x = (JsonObject)a.DeepClone();
        var y = (JsonObject)b.DeepClone();
        (x["metadata"] as JsonObject)?.Remove("managedFields");
        (y["metadata"] as JsonObject)?.Remove("managedFields");
        return JsonNode.DeepEquals(x, y);
    }

    private static List<ApplyConflict> FindConflicts(JsonObject current, JsonObject applied, FieldSet appliedFields, List<ManagedFieldsEntry> others)
    {
        var conflicts = new List<ApplyConflict>();
        foreach (var owner in others)
        {
            foreach (var path in owner.Fields.Intersect(appliedFields).Paths)
            {
                if (!JsonNode.DeepEquals(FieldSet.ValueAt(current, path), FieldSet.ValueAt(applied, path)))
                {
                    conflicts.Add(new ApplyConflict(owner, path));
                }
            }
        }

        return conflicts;
    }

    /// <summary>Removes fields this manager no longer applies, unless another manager still owns them.</summary>
    private static void RemoveAbandoned(JsonObject result, FieldSet? abandoned, List<ManagedFieldsEntry> others)
    {
        if (abandoned is null)
        {
            return;
        }

        foreach (var path in abandoned.Paths)
        {
            if (others.Any(o => o.Fields.Contains(path)) || path.Count == 0)
            {
                continue;
            }

            if (FieldSet.ValueAt(result, path.Take(path.Count - 1).ToList()) is JsonObject parent)
            {
                parent.Remove(path[^1]);
            }
        }
    }
}

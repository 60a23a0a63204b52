using System.Text.Json.Nodes;

namespace LocalKube.Apply;

/// <summary>
/// Records managedFields for non-apply writes (create, update, merge/json/strategic patch), as the apiserver's
/// field manager does: the writer's Update entry takes every field the write added or changed (other managers
/// lose those fields), and removed fields leave every entry. A write that changes managedFields itself (kubectl's
/// client-side-apply upgrade, for instance) is taken as the user's word and left alone.
/// </summary>
public static class UpdateTracker
{
    public static void Track(JsonObject? oldObject, JsonObject newObject, string manager, string apiVersion, string subresource, DateTimeOffset now)
    {
        var oldEntries = ManagedFieldsEntry.ReadAll(oldObject);
        var incoming = newObject["metadata"]?["managedFields"];
        var oldJson = oldObject?["metadata"]?["managedFields"];
        if (incoming is not null && !JsonNode.DeepEquals(incoming, oldJson))
        {
            return;
        }

        var oldFields = oldObject is null ? new FieldSet() : FieldSet.LeavesOf(oldObject);
        var newFields = FieldSet.LeavesOf(newObject);
        var changed = new FieldSet();
        foreach (var path in newFields.Paths)
        {
            if (oldObject is null || !JsonNode.DeepEquals(FieldSet.ValueAt(oldObject, path), FieldSet.ValueAt(newObject, path)))
            {
                changed.Add(path);
            }
        }

        var removed = oldFields.Except(newFields);
        if (changed.Count == 0 && removed.Count == 0)
        {
            return;
        }

        var entries = oldEntries;
        foreach (var entry in entries)
        {
            entry.Fields = entry.Fields.Except(changed).Except(removed);
        }

        if (changed.Count > 0)
        {
            var mine = entries.FirstOrDefault(e => e.SameOwner(manager, "Update", subresource));
            if (mine is null)
            {
                mine = new ManagedFieldsEntry { Manager = manager, Operation = "Update", ApiVersion = apiVersion, Subresource = subresource };
                entries.Add(mine);
            }

            mine.Fields = mine.Fields.Union(changed);
            mine.ApiVersion = apiVersion;
            mine.Time = now;
        }

        ManagedFieldsEntry.WriteAll(newObject, entries);
    }
}

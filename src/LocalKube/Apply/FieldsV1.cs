using System.Text.Json.Nodes;

namespace LocalKube.Apply;

/// <summary>
/// Converts a <see cref="FieldSet"/> to and from the FieldsV1 trie of managedFields (<c>{"f:spec":{"f:x":{}}}</c>).
/// Keyed or indexed list entries (k:, v:, i:) written by a real server are read as ownership of the whole list.
/// </summary>
public static class FieldsV1
{
    public static JsonObject From(FieldSet set)
    {
        var root = new JsonObject();
        foreach (var path in set.Paths)
        {
            var node = root;
            foreach (var segment in path)
            {
                var key = "f:" + segment;
                if (node[key] is not JsonObject child)
                {
                    child = [];
                    node[key] = child;
                }

                node = child;
            }
        }

        return root;
    }

    public static FieldSet Parse(JsonObject? fields)
    {
        var set = new FieldSet();
        if (fields is not null)
        {
            Walk(fields, [], set);
        }

        return set;
    }

    private static void Walk(JsonObject node, List<string> path, FieldSet set)
    {
        var childFields = node.Where(p => p.Key.StartsWith("f:", StringComparison.Ordinal)).ToList();
        var ownsItself = node.Count == 0 || node.Any(p => p.Key == "." || p.Key[0] is 'k' or 'v' or 'i');
        if (ownsItself && path.Count > 0)
        {
            set.Add(path);
        }

        foreach (var (key, value) in childFields)
        {
            Walk(value as JsonObject ?? [], [.. path, key[2..]], set);
        }
    }
}

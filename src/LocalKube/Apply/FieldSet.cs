using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace LocalKube.Apply;

/// <summary>
/// A set of leaf field paths ("spec.desiredCount"). Lists are atomic here: a list is one leaf, as the
/// apiserver treats lists that declare no x-kubernetes-list-type. Paths are stored as segment arrays joined
/// by a separator no field name contains.
/// </summary>
public sealed class FieldSet
{
    private const char Separator = '\u001f';
    private readonly HashSet<string> _paths;

    public FieldSet()
        : this([])
    {
    }

    private FieldSet(IEnumerable<string> paths) => _paths = new HashSet<string>(paths, StringComparer.Ordinal);

    public int Count => _paths.Count;

    public IEnumerable<IReadOnlyList<string>> Paths => _paths.Order(StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)p.Split(Separator));

    public static string Key(IEnumerable<string> segments) => string.Join(Separator, segments);

    /// <summary>How structured-merge-diff prints a path in conflict messages: ".spec.desiredCount".</summary>
    public static string Display(IEnumerable<string> segments) => string.Concat(segments.Select(s => "." + s));

    public void Add(IEnumerable<string> segments) => _paths.Add(Key(segments));

    public bool Contains(IEnumerable<string> segments) => _paths.Contains(Key(segments));

    public void Remove(IEnumerable<string> segments) => _paths.Remove(Key(segments));

    public FieldSet Union(FieldSet other) => new(_paths.Concat(other._paths));

    public FieldSet Except(FieldSet other) => new(_paths.Where(p => !other._paths.Contains(p)));

    public FieldSet Intersect(FieldSet other) => new(_paths.Where(other._paths.Contains));

    /// <summary>
    /// The leaf paths of an object that field management tracks: everything except apiVersion, kind and the
    /// server-owned metadata (only labels, annotations, finalizers and ownerReferences are tracked).
    /// </summary>
    public static FieldSet LeavesOf(JsonObject obj)
    {
        var set = new FieldSet();
        foreach (var (name, value) in obj)
        {
            if (name is "apiVersion" or "kind")
            {
                continue;
            }

            if (name == "metadata" && value is JsonObject metadata)
            {
                foreach (var tracked in new[] { "labels", "annotations", "finalizers", "ownerReferences" })
                {
                    if (metadata[tracked] is { } t)
                    {
                        Collect(t, ["metadata", tracked], set);
                    }
                }

                continue;
            }

            Collect(value, [name], set);
        }

        return set;
    }

    private static void Collect(JsonNode? node, List<string> path, FieldSet set)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack(); // a deep body is a 400 (ApiDispatcher), not a crash
        if (node is JsonObject obj && obj.Count > 0)
        {
            foreach (var (name, value) in obj)
            {
                Collect(value, [.. path, name], set);
            }
        }
        else if (node is not null)
        {
            set.Add(path);
        }
    }

    /// <summary>The value at a path, or null when any segment is missing.</summary>
    public static JsonNode? ValueAt(JsonObject obj, IReadOnlyList<string> path)
    {
        JsonNode? node = obj;
        foreach (var segment in path)
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node;
    }
}

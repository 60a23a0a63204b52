using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Shared;

/// <summary>Between the spec's tag map (DESIGN.md §3) and ECS's list of key/value pairs.</summary>
public static class AwsTags
{
    public static Dictionary<string, string> ToDictionary(IEnumerable<Ecs.Tag>? tags) =>
        (tags ?? []).Where(t => t.Key is not null)
            .GroupBy(t => t.Key!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal);

    public static List<Ecs.Tag> ToList(IEnumerable<KeyValuePair<string, string>> tags) =>
        [.. tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Ecs.Tag { Key = t.Key, Value = t.Value })];

    /// <summary>The user's tags with the operator's own on top (user keys under the prefix are refused earlier).</summary>
    public static Dictionary<string, string> Merge(IDictionary<string, string>? user, params IReadOnlyDictionary<string, string>[] operatorTags)
    {
        var merged = new Dictionary<string, string>(user ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in operatorTags.SelectMany(t => t))
        {
            merged[key] = value;
        }

        return merged;
    }
}

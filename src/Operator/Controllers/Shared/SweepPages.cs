using EcsOperator.Runtime.Reconcile;

namespace EcsOperator.Controllers.Shared;

/// <summary>Where a sweep finds an object's AWS resource: its name, within a group that one call can read (an ECS cluster).</summary>
public sealed record SweepTarget(string Group, string Name);

/// <summary>One batch read: up to a page of names in one group, and the objects that wait for each name.</summary>
public sealed record SweepPage(string Group, IReadOnlyList<string> Names, ILookup<string, ReconcileRequest> KeysByName)
{
    public IEnumerable<ReconcileRequest> Keys => KeysByName.SelectMany(keys => keys);
}

/// <summary>Groups a sweep's targets into the fewest batch reads: Σ over groups of ceil(distinct names / page size).</summary>
public static class SweepPages
{
    public static IReadOnlyList<SweepPage> Of(IEnumerable<(ReconcileRequest Key, SweepTarget Target)> targets, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var pages = new List<SweepPage>();
        foreach (var group in targets.GroupBy(t => t.Target.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var keysByName = group.ToLookup(t => t.Target.Name, t => t.Key, StringComparer.Ordinal);
            foreach (var names in keysByName.Select(k => k.Key).Order(StringComparer.Ordinal).Chunk(pageSize))
            {
                pages.Add(new SweepPage(group.Key, names, names.SelectMany(n => keysByName[n], (n, key) => (n, key)).ToLookup(p => p.n, p => p.key, StringComparer.Ordinal)));
            }
        }

        return pages;
    }
}

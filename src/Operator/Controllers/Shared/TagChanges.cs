namespace EcsOperator.Controllers.Shared;

/// <summary>
/// The TagResource/UntagResource calls that bring an AWS resource's tags to the desired set, touching only the
/// keys the operator manages: tags someone added in the console stay.
/// </summary>
public sealed record TagChanges(IReadOnlyDictionary<string, string> ToSet, IReadOnlyList<string> ToRemove)
{
    public bool IsEmpty => ToSet.Count == 0 && ToRemove.Count == 0;

    /// <summary>The tags the resource has once these changes are made, from the tags it had before.</summary>
    public Dictionary<string, string> AppliedTo(IReadOnlyDictionary<string, string> observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var applied = new Dictionary<string, string>(observed, StringComparer.Ordinal);
        foreach (var key in ToRemove)
        {
            applied.Remove(key);
        }

        foreach (var (key, value) in ToSet)
        {
            applied[key] = value;
        }

        return applied;
    }

    /// <summary>
    /// <paramref name="desired"/> is the user's tags plus the ownership tags; <paramref name="previouslyApplied"/> is
    /// the user tag keys the operator applied before (from status). A key leaves AWS only when the operator put it
    /// there and the spec no longer has it.
    /// </summary>
    public static TagChanges Compute(
        IReadOnlyDictionary<string, string> desired,
        IReadOnlyDictionary<string, string> observed,
        IEnumerable<string>? previouslyApplied)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        var toSet = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in desired)
        {
            if (!observed.TryGetValue(key, out var current) || current != value)
            {
                toSet[key] = value;
            }
        }

        var toRemove = (previouslyApplied ?? [])
            .Where(key => !desired.ContainsKey(key) && observed.ContainsKey(key))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new TagChanges(toSet, toRemove);
    }
}

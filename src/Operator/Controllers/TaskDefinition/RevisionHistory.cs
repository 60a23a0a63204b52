namespace EcsOperator.Controllers.TaskDefinition;

/// <summary>
/// Which of an object's own ACTIVE revisions to keep: the one in use, then the most recently <em>used</em> others,
/// up to revisionHistoryLimit. Reverting A→B→A makes revision 1 the newest again, whatever its number.
/// </summary>
public static class RevisionHistory
{
    /// <summary>The ECS default the CRD also applies.</summary>
    public const int DefaultLimit = 10;

    /// <summary>
    /// The usage order after <paramref name="inUse"/> became the revision in use: it first, then the rest of
    /// <paramref name="recentlyUsed"/> (most recent first), bounded so that status stays small.
    /// </summary>
    public static IReadOnlyList<int> Touch(IEnumerable<int>? recentlyUsed, int inUse, int limit) =>
        new[] { inUse }.Concat((recentlyUsed ?? []).Where(r => r != inUse)).Distinct().Take(Math.Max(limit, 1)).ToList();

    /// <summary>
    /// The revisions to deregister among <paramref name="ownedActive"/> (only revisions this object registered).
    /// Revisions missing from the usage record (status was lost) rank after the recorded ones, newest number first.
    /// </summary>
    public static IReadOnlyList<int> ToDeregister(IEnumerable<int> ownedActive, int inUse, IEnumerable<int>? recentlyUsed, int limit)
    {
        ArgumentNullException.ThrowIfNull(ownedActive);
        var owned = ownedActive.ToHashSet();
        var order = (recentlyUsed ?? []).ToList();
        var keep = new[] { inUse }
            .Concat(order.Where(owned.Contains))
            .Concat(owned.Where(r => !order.Contains(r)).OrderDescending())
            .Distinct()
            .Take(Math.Max(limit, 1))
            .ToHashSet();
        return owned.Where(r => !keep.Contains(r)).Order().ToList();
    }
}

using EcsOperator.Entities;

namespace EcsOperator.Gc;

/// <summary>The table gc prints: one row per orphan (kind, ARN, owner tags, why), and with --confirm one line per result.</summary>
public static class GcReport
{
    public static void WriteOrphans(TextWriter output, string clusterId, IReadOnlyList<Orphan> orphans)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(orphans);
        if (orphans.Count == 0)
        {
            output.WriteLine($"No orphaned AWS resources tagged {WellKnown.ClusterIdTag}={clusterId}.");
            return;
        }

        var rows = orphans.OrderBy(o => o.Resource.Kind).ThenBy(o => o.Resource.Arn, StringComparer.Ordinal)
            .Select(o => new[] { o.Resource.Kind.ToString(), o.Resource.Arn, Owner(o.Resource), o.Reason })
            .Prepend(["KIND", "ARN", "OWNER TAGS", "WHY ORPHANED"])
            .ToList();
        var widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
        }

        output.WriteLine($"{orphans.Count} orphaned resource(s) tagged {WellKnown.ClusterIdTag}={clusterId}.");
    }

    /// <summary>
    /// Printed under a report that deletes nothing: a resource its object left on purpose (deletionPolicy Retain strips
    /// no tag, DESIGN.md) looks exactly like one a failed teardown left, so the report says that --confirm deletes both.
    /// </summary>
    public static void WriteRetainedNote(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(
            $"Resources that an object deleted with deletionPolicy: Retain left in place carry the same tags and are listed too: " +
            $"--confirm would delete them. To keep one, remove its {WellKnown.OwnerTag} and {WellKnown.ClusterIdTag} tags first " +
            "(or re-create its object, which owns it again).");
    }

    public static void WriteResults(TextWriter output, IReadOnlyList<GcResult> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        foreach (var result in results)
        {
            var outcome = result.Error is null ? "deleted" : $"FAILED: {result.Error}";
            output.WriteLine($"{result.Orphan.Resource.Kind} {result.Orphan.Resource.Arn}: {outcome}");
        }

        var failed = results.Count(r => r.Error is not null);
        output.WriteLine($"{results.Count - failed} deleted, {failed} failed.");
    }

    private static string Owner(GcResource resource) =>
        $"{WellKnown.OwnerTag}={resource.Tags.GetValueOrDefault(WellKnown.OwnerTag)}";
}

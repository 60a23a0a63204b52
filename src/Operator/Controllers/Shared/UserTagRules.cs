using EcsOperator.Entities;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// The user tag checks of DESIGN.md §5, for every kind: the operator's prefix is reserved, and the user's tags plus
/// the operator's must fit in AWS's 50. The CRD's CEL rules say the same; this catches what gets past them.
/// </summary>
public static class UserTagRules
{
    public const int AwsMaxTags = 50;

    /// <param name="tags">spec.tags.</param>
    /// <param name="operatorTagCount">How many tags the operator adds on this kind (ownership, spec hash).</param>
    public static IEnumerable<SpecProblem> Check(IDictionary<string, string>? tags, int operatorTagCount)
    {
        if (tags is null)
        {
            yield break;
        }

        foreach (var key in tags.Keys.Where(k => k.StartsWith(WellKnown.Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            yield return new SpecProblem($"spec.tags[{key}]", $"the prefix {WellKnown.Prefix} is reserved for the operator's own tags");
        }

        var limit = AwsMaxTags - operatorTagCount;
        if (tags.Count > limit)
        {
            yield return new SpecProblem("spec.tags", $"{tags.Count} tags, but at most {limit} fit next to the operator's {operatorTagCount} within AWS's {AwsMaxTags}");
        }
    }
}

using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;

namespace EcsOperator.Controllers.Cluster;

/// <summary>The Cluster checks the operator repeats after the CRD schema (which a non-CEL server may skip).</summary>
public static class ClusterValidation
{
    /// <summary>Ownership: owner and cluster-id.</summary>
    public const int OperatorTagCount = 2;

    public static IEnumerable<SpecProblem> Check(ClusterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var problem in UserTagRules.Check(spec.Tags, OperatorTagCount))
        {
            yield return problem;
        }

        var providers = spec.CapacityProviders?.ToHashSet(StringComparer.Ordinal);
        foreach (var (item, index) in (spec.DefaultCapacityProviderStrategy ?? []).Select((s, i) => (s, i)))
        {
            if (providers is not null && !providers.Contains(item.CapacityProvider))
            {
                yield return new SpecProblem($"spec.defaultCapacityProviderStrategy[{index}].capacityProvider", $"{item.CapacityProvider} is not in spec.capacityProviders");
            }
        }
    }
}

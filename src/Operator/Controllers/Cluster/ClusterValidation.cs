using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;

namespace EcsOperator.Controllers.Cluster;

/// <summary>The Cluster checks the operator repeats after the CRD schema (which a non-CEL server may skip).</summary>
public static class ClusterValidation
{
    public static IReadOnlyList<FieldError> Check(V1alpha1Cluster obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var errors = TagValidator.Validate(obj.Spec.Tags, "spec.tags").ToList();
        var defaulted = string.IsNullOrEmpty(obj.Spec.ClusterName);
        errors.AddRange(AwsFormats.EcsName("spec.clusterName", defaulted ? obj.Metadata.Name : obj.Spec.ClusterName, defaulted ? "metadata.name" : null));
        var providers = obj.Spec.CapacityProviders?.ToHashSet(StringComparer.Ordinal);
        var strategy = obj.Spec.DefaultCapacityProviderStrategy ?? [];
        for (var i = 0; i < strategy.Count; i++)
        {
            // ECS only accepts a default strategy over providers associated with the cluster.
            if (providers is not null && !providers.Contains(strategy[i].CapacityProvider))
            {
                errors.Add(new FieldError($"spec.defaultCapacityProviderStrategy[{i}].capacityProvider", $"{strategy[i].CapacityProvider} is not in spec.capacityProviders"));
            }
        }

        SpecText.AddTo(errors, obj.Spec);
        return errors;
    }
}

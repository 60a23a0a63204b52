using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;

namespace EcsOperator.Controllers.Service;

/// <summary>The exactly-one and at-most-one rules of a Service spec, as the CRD's CEL rules state them.</summary>
public static class ServiceValidation
{
    public static IReadOnlyList<FieldError> Check(V1alpha1Service obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var spec = obj.Spec;
        var errors = new List<FieldError>();
        ExactlyOne(errors, "spec.clusterRef", spec.ClusterRef is not null, "spec.cluster", spec.Cluster is not null);
        ExactlyOne(errors, "spec.taskDefinitionRef", spec.TaskDefinitionRef is not null,
            "spec.taskDefinition", spec.TaskDefinition is not null);

        if (spec.LaunchType is not null && spec.CapacityProviderStrategy is not null)
        {
            errors.Add(new FieldError("spec.capacityProviderStrategy",
                "set at most one of spec.launchType and spec.capacityProviderStrategy (neither means the cluster's default strategy)"));
        }

        errors.AddRange(TagValidator.Validate(spec.Tags, "spec.tags"));
        return errors;
    }

    private static void ExactlyOne(List<FieldError> errors, string refField, bool hasRef, string nameField, bool hasName)
    {
        if (hasRef == hasName)
        {
            var problem = hasRef ? "both are set" : "neither is set";
            errors.Add(new FieldError(refField, $"set exactly one of {refField} and {nameField}: {problem}"));
        }
    }
}

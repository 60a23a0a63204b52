namespace EcsOperator.Entities.Validation;

/// <summary>
/// <c>entity.Validate()</c> for every kind: the operator's second line behind the CRD's CEL rules.
/// An empty list means valid; otherwise the controller reports Stalled/InvalidSpec naming the first field.
/// </summary>
public static class EntityValidation
{
    public static IReadOnlyList<FieldError> Validate(this V1alpha1Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return ClusterValidator.Validate(cluster.Spec);
    }

    public static IReadOnlyList<FieldError> Validate(this V1alpha1TaskDefinition taskDefinition)
    {
        ArgumentNullException.ThrowIfNull(taskDefinition);
        return TaskDefinitionValidator.Validate(taskDefinition.Spec);
    }

    public static IReadOnlyList<FieldError> Validate(this V1alpha1Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return ServiceValidator.Validate(service.Spec);
    }

    public static IReadOnlyList<FieldError> Validate(this V1alpha1LoadBalancerBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return LoadBalancerBindingValidator.Validate(binding.Spec);
    }
}

namespace EcsOperator.Entities.Validation;

/// <summary>
/// <c>entity.Validate()</c> for every kind: the operator's second line behind the CRD's CEL rules.
/// An empty list means valid; otherwise the controller reports Stalled/InvalidSpec naming the first field.
/// </summary>
public static class EntityValidation
{
    /// <summary>Validates any kind, for runtime code that handles every kind alike.</summary>
    public static IReadOnlyList<FieldError> Validate(this IEcsResource resource) => resource switch
    {
        V1alpha1Cluster cluster => cluster.Validate(),
        V1alpha1TaskDefinition taskDefinition => taskDefinition.Validate(),
        V1alpha1Service service => service.Validate(),
        V1alpha1LoadBalancerBinding binding => binding.Validate(),
        null => throw new ArgumentNullException(nameof(resource)),
        _ => throw new ArgumentException($"{resource.GetType().Name} is not an ecs-operator kind", nameof(resource)),
    };

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

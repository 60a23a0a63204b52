namespace EcsOperator.Entities;

/// <summary>Every kind the operator serves, in dependency order (a Service needs a Cluster and a TaskDefinition).</summary>
public static class EntityKinds
{
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(V1alpha1Cluster),
        typeof(V1alpha1TaskDefinition),
        typeof(V1alpha1Service),
        typeof(V1alpha1LoadBalancerBinding),
    ];
}

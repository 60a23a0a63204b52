using EcsOperator.Entities;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// The informer indexes that connect the kinds: each maps an object to the "namespace/name" keys of the objects it
/// references, so that a change to the referenced object requeues its dependents without polling.
/// </summary>
public static class Indexes
{
    /// <summary>Services by the Cluster object their clusterRef names.</summary>
    public const string ClusterRef = "clusterRef";

    /// <summary>Services by the TaskDefinition object their taskDefinitionRef names.</summary>
    public const string TaskDefinitionRef = "taskDefinitionRef";

    /// <summary>LoadBalancerBindings by the Service object their serviceRef names.</summary>
    public const string ServiceRef = "serviceRef";

    public static IEnumerable<string> ClusterRefOf(V1alpha1Service service) => Key(service, service?.Spec.ClusterRef);

    public static IEnumerable<string> TaskDefinitionRefOf(V1alpha1Service service) => Key(service, service?.Spec.TaskDefinitionRef);

    public static IEnumerable<string> ServiceRefOf(V1alpha1LoadBalancerBinding binding) => Key(binding, binding?.Spec.ServiceRef);

    /// <summary>The index key of an object: "namespace/name", as ReconcileRequest prints it.</summary>
    public static string KeyOf(string? @namespace, string name) => $"{@namespace}/{name}";

    private static IEnumerable<string> Key(IEcsResource? obj, LocalObjectReference? reference) =>
        obj is null || reference is not { Name.Length: > 0 } ? [] : [KeyOf(obj.Metadata.NamespaceProperty, reference.Name)];
}

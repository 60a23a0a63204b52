using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.LoadBalancerBinding;

/// <summary>
/// Reads the Service a binding names, and its task definition, from the informer caches (a literal taskDefinition is
/// read from ECS), into the <see cref="BoundService"/> the checks need. The other bindings come from the serviceRef index.
/// </summary>
public sealed class BoundServices(
    IResourceCache<V1alpha1Service> services,
    IResourceCache<V1alpha1TaskDefinition> taskDefinitions,
    IResourceCache<V1alpha1LoadBalancerBinding> bindings,
    IEcsApi ecs)
{
    /// <summary>The Service object the binding names, from the cache; null when it does not exist.</summary>
    public V1alpha1Service? ServiceOf(V1alpha1LoadBalancerBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return services.Get(new ReconcileRequest(binding.Metadata.NamespaceProperty, binding.Spec.ServiceRef.Name));
    }

    /// <summary>The bound service, or a message saying which object is missing.</summary>
    public async Task<(BoundService? Service, string? Missing)> ResolveAsync(V1alpha1LoadBalancerBinding binding, V1alpha1Service service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(service);
        var (networkMode, compatibilities, containers, missing) = await TaskShapeAsync(binding, service, cancellationToken);
        if (missing is not null)
        {
            return (null, missing);
        }

        var fargate = service.Spec.LaunchType == "FARGATE"
            || service.Spec.CapacityProviderStrategy?.Any(s => s.CapacityProvider.StartsWith("FARGATE", StringComparison.Ordinal)) == true
            || (service.Spec.LaunchType is null && service.Spec.CapacityProviderStrategy is null && compatibilities.SequenceEqual(["FARGATE"]));
        return (new BoundService(service.Metadata.Name, networkMode, fargate, containers, OtherBindings(binding)), null);
    }

    private async Task<(string NetworkMode, IReadOnlyList<string> Compatibilities, IReadOnlyList<BoundContainer> Containers, string? Missing)> TaskShapeAsync(
        V1alpha1LoadBalancerBinding binding, V1alpha1Service service, CancellationToken cancellationToken)
    {
        if (service.Spec.TaskDefinitionRef is { } reference)
        {
            var td = taskDefinitions.Get(new ReconcileRequest(binding.Metadata.NamespaceProperty, reference.Name));
            if (td is null)
            {
                return (string.Empty, [], [], $"TaskDefinition {reference.Name} (the taskDefinitionRef of Service {service.Metadata.Name}) does not exist");
            }

            var spec = td.Spec;
            return (NetworkModeOf(spec.NetworkMode), [.. spec.RequiresCompatibilities ?? []],
                [.. spec.ContainerDefinitions.Select(c => new BoundContainer(c.Name, [.. (c.PortMappings ?? []).Where(p => p.ContainerPort is not null).Select(p => (p.ContainerPort!.Value, p.HostPort))]))], null);
        }

        try
        {
            var described = await ecs.DescribeTaskDefinitionAsync(new Ecs.DescribeTaskDefinitionRequest { TaskDefinition = service.Spec.TaskDefinition }, cancellationToken);
            var td = described.TaskDefinition!;
            return (NetworkModeOf(td.NetworkMode), [.. td.RequiresCompatibilities ?? []],
                [.. (td.ContainerDefinitions ?? []).Select(c => new BoundContainer(c.Name ?? string.Empty, [.. (c.PortMappings ?? []).Where(p => p.ContainerPort is not null).Select(p => (p.ContainerPort!.Value, p.HostPort))]))], null);
        }
        catch (AwsServiceException e) when (e.Classification is AwsErrorClass.NotFound or AwsErrorClass.Invalid)
        {
            return (string.Empty, [], [], $"task definition {service.Spec.TaskDefinition} of Service {service.Metadata.Name} cannot be read: {e.Message}");
        }
    }

    private List<BoundTarget> OtherBindings(V1alpha1LoadBalancerBinding binding) =>
    [
        .. bindings.ByIndex(Indexes.ServiceRef, Indexes.KeyOf(binding.Metadata.NamespaceProperty, binding.Spec.ServiceRef.Name))
            .Where(other => other.Metadata.Name != binding.Metadata.Name && other.Metadata.DeletionTimestamp is null)
            .OrderBy(other => other.Metadata.Name, StringComparer.Ordinal)
            .Select(other => new BoundTarget(other.Metadata.Name, other.Spec.TargetGroupArn ?? other.Status.TargetGroupArn, other.Spec.LoadBalancerName, other.Spec.ContainerName, other.Spec.ContainerPort)),
    ];

    /// <summary>ECS's default network mode on Linux is bridge.</summary>
    private static string NetworkModeOf(string? networkMode) => string.IsNullOrEmpty(networkMode) ? "bridge" : networkMode;
}

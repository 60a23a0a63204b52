namespace EcsOperator.Controllers.LoadBalancerBinding;

/// <summary>
/// What the checks before any AWS call need to know about the Service a binding names: its task definition's
/// network mode and containers, whether it runs on Fargate, and the other bindings on it (not being deleted).
/// </summary>
public sealed record BoundService(
    string Name,
    string NetworkMode,
    bool Fargate,
    IReadOnlyList<BoundContainer> Containers,
    IReadOnlyList<BoundTarget> OtherBindings);

/// <summary>A container of the task definition and its port mappings (containerPort, hostPort).</summary>
public sealed record BoundContainer(string Name, IReadOnlyList<(int ContainerPort, int? HostPort)> Ports);

/// <summary>Another binding's entry on the same service: what ECS's loadBalancers would hold for it.</summary>
public sealed record BoundTarget(string Binding, string? TargetGroupArn, string? LoadBalancerName, string ContainerName, int ContainerPort);

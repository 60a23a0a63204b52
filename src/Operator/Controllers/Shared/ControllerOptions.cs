namespace EcsOperator.Controllers.Shared;

/// <summary>What the controllers are configured with; the host maps its command line onto it.</summary>
public sealed record ControllerOptions
{
    /// <summary>This Kubernetes cluster's id for the ownership tags; null means the kube-system namespace's UID.</summary>
    public string? ClusterId { get; init; }

    /// <summary>The periodic resync (drift detection); also how long an AccessDenied waits before it is tried again.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Batched (the default) or per-object reads on the periodic resync.</summary>
    public ResyncStrategy ResyncStrategy { get; init; } = ResyncStrategy.Batched;
}

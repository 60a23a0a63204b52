using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Status;

namespace EcsOperator.Controllers.LoadBalancerBinding;

/// <summary>
/// When a binding is Ready, and what it waits for until then, read from its target group and the Service object's
/// status (the Service controller owns the ECS loadBalancers and reports what ECS holds). Pure, so it is unit-tested.
/// </summary>
public static class BindingReadiness
{
    /// <summary>
    /// Ready once the target group is attached to a load balancer, the Service's loadBalancers include the binding's
    /// entry, and the Service's rollout that carried it completed (its Ready condition is True).
    /// </summary>
    public static SyncOutcome Evaluate(LoadBalancerBindingSpec spec, LoadBalancerBindingStatus status, V1alpha1Service service, TimeSpan recheck)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(service);
        var target = Target(spec, status);
        if (spec.LoadBalancerName is null && status.LoadBalancerArns is not { Count: > 0 })
        {
            return SyncOutcome.Reconciling(ConditionReasons.WaitingForLoadBalancer,
                $"{target} is attached to no load balancer, and ECS refuses such a target group: point a listener's default action (or a listener rule) at {status.TargetGroupArn}",
                recheck);
        }

        var name = service.Metadata.Name;
        if (!Attached(spec, status, service.Status))
        {
            return SyncOutcome.Reconciling(ConditionReasons.WaitingForService,
                $"waiting for Service {name} to attach {target} to {spec.ContainerName}:{spec.ContainerPort}", recheck);
        }

        if (!Conditions.IsTrue(service.Status, ConditionTypes.Ready))
        {
            return SyncOutcome.Reconciling(ConditionReasons.RollingOut, $"Service {name} is rolling out with {target}", recheck);
        }

        return SyncOutcome.Ready($"{target} serves {spec.ContainerName}:{spec.ContainerPort} of Service {name}");
    }

    /// <summary>Whether the Service's ECS loadBalancers hold the binding's target group (or Classic name).</summary>
    public static bool Attached(LoadBalancerBindingSpec spec, LoadBalancerBindingStatus status, ServiceStatus service)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(service);
        return (service.LoadBalancers ?? []).Any(lb => spec.LoadBalancerName is { } classic
            ? lb.LoadBalancerName == classic
            : lb.TargetGroupArn is not null && lb.TargetGroupArn == status.TargetGroupArn);
    }

    /// <summary>Whether the Service still uses <paramref name="targetGroupArn"/>, or has not finished rolling without it.</summary>
    public static bool StillInUse(V1alpha1Service service, string? targetGroupArn, string? loadBalancerName)
    {
        ArgumentNullException.ThrowIfNull(service);
        var listed = (service.Status.LoadBalancers ?? []).Any(lb =>
            (targetGroupArn is not null && lb.TargetGroupArn == targetGroupArn) || (loadBalancerName is not null && lb.LoadBalancerName == loadBalancerName));
        return listed || !Conditions.IsTrue(service.Status, ConditionTypes.Ready);
    }

    private static string Target(LoadBalancerBindingSpec spec, LoadBalancerBindingStatus status) =>
        spec.LoadBalancerName is { } classic ? $"Classic Load Balancer {classic}" : $"target group {status.TargetGroupName ?? status.TargetGroupArn}";
}

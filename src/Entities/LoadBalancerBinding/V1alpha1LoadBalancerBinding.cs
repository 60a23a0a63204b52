using EcsOperator.Entities.Schema;
using k8s.Models;

namespace EcsOperator.Entities;

/// <summary>
/// Attaches a Service's container port to a load balancer: an existing target group, one the binding owns
/// (optionally routed from an existing ALB listener), or a Classic Load Balancer.
/// </summary>
[KubernetesEntity(Group = EntityGroup.Group, ApiVersion = EntityGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("ecslbb")]
[Categories("ecs", "all-ecs")]
[PrinterColumn(1, "Service", "string", ".spec.serviceRef.name", Description = "The bound Service object")]
[PrinterColumn(2, "TargetGroup", "string", ".status.targetGroupName", Description = "The target group traffic flows through")]
[PrinterColumn(3, "Priority", "integer", ".spec.listener.priority", Description = "The listener rule's priority")]
[PrinterColumn(4, "Container", "string", ".spec.containerName", Priority = 1)]
[PrinterColumn(5, "Port", "integer", ".spec.containerPort", Priority = 1)]
[PrinterColumn(6, "Rule", "string", ".status.listenerRuleArn", Priority = 1)]
public sealed class V1alpha1LoadBalancerBinding : CustomResource<LoadBalancerBindingSpec, LoadBalancerBindingStatus>
{
    public const string KindName = "LoadBalancerBinding";
    public const string Plural = "loadbalancerbindings";

    public V1alpha1LoadBalancerBinding() => Kind = KindName;
}

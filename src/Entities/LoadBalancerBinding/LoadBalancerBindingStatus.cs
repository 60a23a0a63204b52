using System.Text.Json.Serialization;

namespace EcsOperator.Entities;

/// <summary>What the binding created or attached in AWS.</summary>
public sealed class LoadBalancerBindingStatus : ResourceStatus
{
    /// <summary>The target group in use: spec.targetGroupArn, or the one the binding created. The Service attaches it.</summary>
    [JsonPropertyName("targetGroupArn")]
    public string? TargetGroupArn { get; set; }

    /// <summary>The name of the target group in use.</summary>
    [JsonPropertyName("targetGroupName")]
    public string? TargetGroupName { get; set; }

    /// <summary>The listener rule the binding created, when spec.listener is set.</summary>
    [JsonPropertyName("listenerRuleArn")]
    public string? ListenerRuleArn { get; set; }

    /// <summary>The load balancers that send traffic to the target group; ECS attaches it only when there is one.</summary>
    [JsonPropertyName("loadBalancerArns")]
    public IList<string>? LoadBalancerArns { get; set; }

    /// <summary>The ECS service the load balancer is attached to.</summary>
    [JsonPropertyName("serviceArn")]
    public string? ServiceArn { get; set; }

    /// <summary>
    /// Owned target groups the binding replaced (a change of protocol, port, vpcId, targetType, protocolVersion or
    /// ipAddressType needs a new one); each is deleted once the Service no longer uses it.
    /// </summary>
    [JsonPropertyName("retiredTargetGroupArns")]
    public IList<string>? RetiredTargetGroupArns { get; set; }

    /// <summary>
    /// The spec.tags keys the operator last applied. A key removed from spec.tags is untagged only when it is listed
    /// here, so tags added outside the operator are left alone.
    /// </summary>
    [JsonPropertyName("appliedTagKeys")]
    public IList<string>? AppliedTagKeys { get; set; }
}

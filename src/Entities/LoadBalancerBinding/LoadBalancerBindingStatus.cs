using System.Text.Json.Serialization;

namespace EcsOperator.Entities;

/// <summary>What the binding created or attached in AWS.</summary>
public sealed class LoadBalancerBindingStatus : ResourceStatus
{
    /// <summary>The target group in use: spec.targetGroupArn, or the one the binding created.</summary>
    [JsonPropertyName("targetGroupArn")]
    public string? TargetGroupArn { get; set; }

    /// <summary>The load balancers that forward to the target group; ECS accepts the target group only once there is one.</summary>
    [JsonPropertyName("loadBalancerArns")]
    public IList<string>? LoadBalancerArns { get; set; }

    /// <summary>The listener rule the binding created, when spec.listener is set.</summary>
    [JsonPropertyName("listenerRuleArn")]
    public string? ListenerRuleArn { get; set; }

    /// <summary>The ECS service the load balancer is attached to.</summary>
    [JsonPropertyName("serviceArn")]
    public string? ServiceArn { get; set; }
}

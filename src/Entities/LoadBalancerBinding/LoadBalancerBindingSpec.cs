using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>Which service port is bound to which load balancer.</summary>
[CelRule(
    "(has(self.targetGroupArn) ? 1 : 0) + (has(self.targetGroup) ? 1 : 0) + (has(self.loadBalancerName) ? 1 : 0) == 1",
    "set exactly one of targetGroupArn, targetGroup and loadBalancerName")]
[CelRule(
    "!has(self.listener) || !has(self.loadBalancerName)",
    "listener routes to a target group; it cannot be used with loadBalancerName",
    FieldPath = ".listener")]
public sealed class LoadBalancerBindingSpec : IDeletionPolicySpec
{
    /// <summary>The Service object in this namespace whose tasks receive the traffic.</summary>
    [Required]
    [JsonPropertyName("serviceRef")]
    public LocalObjectReference ServiceRef { get; set; } = new();

    /// <summary>The container (a name in the task definition) that receives the traffic.</summary>
    [Required]
    [MaxLength(255)]
    [JsonPropertyName("containerName")]
    public string ContainerName { get; set; } = string.Empty;

    /// <summary>The container port that receives the traffic; it must appear in the container's portMappings.</summary>
    [Required]
    [Range(1, 65535)]
    [JsonPropertyName("containerPort")]
    public int ContainerPort { get; set; }

    /// <summary>Bind an existing ALB or NLB target group, which the binding never deletes.</summary>
    [MaxLength(2048)]
    [JsonPropertyName("targetGroupArn")]
    public string? TargetGroupArn { get; set; }

    /// <summary>A target group the binding creates, owns and deletes.</summary>
    [JsonPropertyName("targetGroup")]
    public TargetGroupSpec? TargetGroup { get; set; }

    /// <summary>Bind a Classic Load Balancer by name.</summary>
    [MaxLength(32)]
    [JsonPropertyName("loadBalancerName")]
    public string? LoadBalancerName { get; set; }

    /// <summary>Route traffic from an existing ALB listener to the target group with a rule the binding owns.</summary>
    [JsonPropertyName("listener")]
    public ListenerRuleSpec? Listener { get; set; }

    /// <summary>Tags for the target group and listener rule the binding creates, merged with the ownership tags.</summary>
    [TagMap]
    [JsonPropertyName("tags")]
    public IDictionary<string, string>? Tags { get; set; }

    /// <summary>Delete (default) detaches and deletes what the binding created; Retain leaves its target group and listener rule in place (the Service still drops the binding from its loadBalancers).</summary>
    [JsonPropertyName("deletionPolicy")]
    public DeletionPolicy? DeletionPolicy { get; set; }
}

using System.Text.Json.Serialization;

namespace EcsOperator.Entities;

/// <summary>What ECS reports about the cluster.</summary>
public sealed class ClusterStatus : ResourceStatus
{
    /// <summary>The cluster's ARN.</summary>
    [JsonPropertyName("arn")]
    public string? Arn { get; set; }

    /// <summary>The ECS cluster name in use (spec.clusterName or metadata.name).</summary>
    [JsonPropertyName("clusterName")]
    public string? ClusterName { get; set; }

    /// <summary>ECS's status: ACTIVE, PROVISIONING, DEPROVISIONING, FAILED or INACTIVE.</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>Services in the ACTIVE state.</summary>
    [JsonPropertyName("activeServicesCount")]
    public int? ActiveServicesCount { get; set; }

    /// <summary>Tasks in the RUNNING state.</summary>
    [JsonPropertyName("runningTasksCount")]
    public int? RunningTasksCount { get; set; }

    /// <summary>Tasks in the PENDING state.</summary>
    [JsonPropertyName("pendingTasksCount")]
    public int? PendingTasksCount { get; set; }

    /// <summary>The spec.serviceConnectDefaults.namespace last applied (a name or an ARN, as the spec gives it).</summary>
    [JsonPropertyName("appliedServiceConnectNamespace")]
    public string? AppliedServiceConnectNamespace { get; set; }

    /// <summary>The Cloud Map namespace ARN ECS resolved it to; a different ARN in ECS later is drift.</summary>
    [JsonPropertyName("serviceConnectNamespaceArn")]
    public string? ServiceConnectNamespaceArn { get; set; }

    /// <summary>
    /// The spec.tags keys the operator last applied. A key removed from spec.tags is untagged only when it is listed
    /// here, so tags added outside the operator (the console, another tool) are left alone.
    /// </summary>
    [JsonPropertyName("appliedTagKeys")]
    public IList<string>? AppliedTagKeys { get; set; }
}

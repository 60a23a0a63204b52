using System.Text.Json.Serialization;

namespace EcsOperator.Entities;

/// <summary>What ECS reports about the service.</summary>
public sealed class ServiceStatus : ResourceStatus
{
    /// <summary>The service's ARN.</summary>
    [JsonPropertyName("arn")]
    public string? Arn { get; set; }

    /// <summary>The ECS service name in use (spec.serviceName or metadata.name).</summary>
    [JsonPropertyName("serviceName")]
    public string? ServiceName { get; set; }

    /// <summary>The ARN of the cluster the service runs in.</summary>
    [JsonPropertyName("clusterArn")]
    public string? ClusterArn { get; set; }

    /// <summary>The task definition ARN the service runs now.</summary>
    [JsonPropertyName("taskDefinition")]
    public string? TaskDefinition { get; set; }

    /// <summary>The desired count ECS holds.</summary>
    [JsonPropertyName("desiredCount")]
    public int? DesiredCount { get; set; }

    /// <summary>Tasks in the RUNNING state.</summary>
    [JsonPropertyName("runningCount")]
    public int? RunningCount { get; set; }

    /// <summary>Tasks in the PENDING state.</summary>
    [JsonPropertyName("pendingCount")]
    public int? PendingCount { get; set; }

    /// <summary>The PRIMARY deployment's rollout state: IN_PROGRESS, COMPLETED or FAILED.</summary>
    [JsonPropertyName("rolloutState")]
    public string? RolloutState { get; set; }

    /// <summary>
    /// When ECS first gave an answer that means "not yet" (an IAM role it cannot assume yet, the service MISSING right
    /// after its creation): the operator retries for 2 minutes from then, then reports Stalled. Cleared by a successful sync.
    /// </summary>
    [JsonPropertyName("transientErrorSince")]
    public DateTimeOffset? TransientErrorSince { get; set; }

    /// <summary>The task definition as family:revision, for the printer column.</summary>
    [JsonPropertyName("taskDefinitionRevision")]
    public string? TaskDefinitionRevision { get; set; }

    /// <summary>Why the primary deployment is in its rollout state (ECS's words).</summary>
    [JsonPropertyName("rolloutStateReason")]
    public string? RolloutStateReason { get; set; }

    /// <summary>When ECS created the service.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>
    /// Bumped each time the service must be created anew (it was deleted outside the operator), so that CreateService's
    /// clientToken (a hash of the object's UID and this counter) is not one ECS already used.
    /// </summary>
    [JsonPropertyName("createAttempt")]
    public int? CreateAttempt { get; set; }

    /// <summary>The last ecs.operator.dev/restartedAt value acted on, and the PRIMARY deployment it replaced.</summary>
    [JsonPropertyName("restartedAt")]
    public ServiceRestartStatus? RestartedAt { get; set; }

    /// <summary>The newest ECS service event already posted as a Kubernetes Event; only newer ones are posted.</summary>
    [JsonPropertyName("lastEvent")]
    public ServiceEventMark? LastEvent { get; set; }

    /// <summary>A task definition whose deployment the circuit breaker failed; it is not sent again until the spec or the revision changes.</summary>
    [JsonPropertyName("failedTaskDefinition")]
    public string? FailedTaskDefinition { get; set; }

    /// <summary>The generation the failure was seen at: a new generation clears it.</summary>
    [JsonPropertyName("failedAtGeneration")]
    public long? FailedAtGeneration { get; set; }

    /// <summary>The list fields the operator has set; removing one from the spec clears it in ECS.</summary>
    [JsonPropertyName("managedLists")]
    public IList<string>? ManagedLists { get; set; }

    /// <summary>The spec.tags keys the operator last applied (only those are removed when they leave the spec).</summary>
    [JsonPropertyName("appliedTagKeys")]
    public IList<string>? AppliedTagKeys { get; set; }

    /// <summary>The deployments ECS is running, PRIMARY first.</summary>
    [JsonPropertyName("deployments")]
    public IList<ServiceDeploymentStatus>? Deployments { get; set; }

    /// <summary>The load balancers attached to the service (managed through LoadBalancerBinding objects).</summary>
    [JsonPropertyName("loadBalancers")]
    public IList<ServiceLoadBalancerStatus>? LoadBalancers { get; set; }
}

/// <summary>One deployment of the service.</summary>
public sealed class ServiceDeploymentStatus
{
    /// <summary>The deployment id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>PRIMARY, ACTIVE or INACTIVE.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The task definition ARN this deployment runs.</summary>
    [JsonPropertyName("taskDefinition")]
    public string? TaskDefinition { get; set; }

    /// <summary>IN_PROGRESS, COMPLETED or FAILED.</summary>
    [JsonPropertyName("rolloutState")]
    public string? RolloutState { get; set; }

    /// <summary>Why the rollout is in its state, as ECS explains it.</summary>
    [JsonPropertyName("rolloutStateReason")]
    public string? RolloutStateReason { get; set; }

    /// <summary>The deployment's desired task count.</summary>
    [JsonPropertyName("desiredCount")]
    public int? DesiredCount { get; set; }

    /// <summary>The deployment's running task count.</summary>
    [JsonPropertyName("runningCount")]
    public int? RunningCount { get; set; }

    /// <summary>The deployment's pending task count.</summary>
    [JsonPropertyName("pendingCount")]
    public int? PendingCount { get; set; }

    /// <summary>When ECS created the deployment.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Tasks of this deployment that failed to start.</summary>
    [JsonPropertyName("failedTasks")]
    public int? FailedTasks { get; set; }
}

/// <summary>A load balancer attachment as ECS reports it.</summary>
/// <summary>A restart the operator made: the annotation's value and the PRIMARY deployment that was current before it.</summary>
public sealed class ServiceRestartStatus
{
    /// <summary>The ecs.operator.dev/restartedAt value.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }

    /// <summary>The PRIMARY deployment id before the forced deployment; a different PRIMARY means the call was made.</summary>
    [JsonPropertyName("primaryDeploymentId")]
    public string? PrimaryDeploymentId { get; set; }
}

/// <summary>One ECS service event, by id and time.</summary>
public sealed class ServiceEventMark
{
    /// <summary>The ECS event id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>When ECS recorded the event.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; set; }
}

public sealed class ServiceLoadBalancerStatus
{
    /// <summary>The target group ARN (ALB and NLB).</summary>
    [JsonPropertyName("targetGroupArn")]
    public string? TargetGroupArn { get; set; }

    /// <summary>The Classic Load Balancer name.</summary>
    [JsonPropertyName("loadBalancerName")]
    public string? LoadBalancerName { get; set; }

    /// <summary>The container traffic goes to.</summary>
    [JsonPropertyName("containerName")]
    public string? ContainerName { get; set; }

    /// <summary>The container port traffic goes to.</summary>
    [JsonPropertyName("containerPort")]
    public int? ContainerPort { get; set; }
}

using System.Text.Json.Nodes;

namespace AwsFaultProxy.Ecs;

/// <summary>One ECS deployment of an emulated service: a task definition and its task counts.</summary>
internal sealed class EmulatedDeployment
{
    public required string Id { get; init; }

    /// <summary>PRIMARY, ACTIVE (an older deployment, draining) or INACTIVE.</summary>
    public string Status { get; set; } = "PRIMARY";

    public required string TaskDefinitionArn { get; init; }

    /// <summary>True when a container image of the task definition is tagged <c>crashloop</c>: its tasks never start.</summary>
    public required bool TasksCrash { get; init; }

    /// <summary>True for the EC2 launch type on a cluster without container instances: no task can be placed.</summary>
    public bool Unplaceable { get; init; }

    public int DesiredCount { get; set; }

    public int RunningCount { get; set; }

    public int PendingCount { get; set; }

    public int FailedTasks { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>IN_PROGRESS, COMPLETED or FAILED.</summary>
    public string RolloutState { get; set; } = "IN_PROGRESS";

    public string? RolloutStateReason { get; set; }

    /// <summary>When the scheduler next acts on this deployment; null when it has nothing left to do.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The deployment-level settings ECS echoes per deployment (launch type, network, service connect...).</summary>
    public required JsonObject Settings { get; init; }

    public static string NewId() => "ecs-svc/" + string.Concat(Enumerable.Range(0, 19).Select(_ => (char)('0' + Random.Shared.Next(10))));
}

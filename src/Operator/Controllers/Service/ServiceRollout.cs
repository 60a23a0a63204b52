using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Service;

/// <summary>
/// ECS's view of a service mapped into status and kstatus (DESIGN.md §5, Service rollouts): RollingOut while the
/// PRIMARY deployment is IN_PROGRESS, Ready when it is COMPLETED with runningCount == desiredCount, Stalled
/// (RolloutFailed) when the circuit breaker failed the revision the spec asks for.
/// </summary>
public static class ServiceRollout
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LastPoll = TimeSpan.FromSeconds(30);

    /// <summary>Copies what ECS reports into the status.</summary>
    public static void MapStatus(ServiceStatus status, Ecs.Service observed)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(observed);
        var primary = ServiceDelta.Primary(observed);
        status.Arn = observed.ServiceArn;
        status.ServiceName = observed.ServiceName;
        status.ClusterArn = observed.ClusterArn;
        status.TaskDefinition = observed.TaskDefinition;
        status.TaskDefinitionRevision = observed.TaskDefinition is { } td ? ServiceDelta.Revision(td) : null;
        status.DesiredCount = observed.DesiredCount;
        status.RunningCount = observed.RunningCount;
        status.PendingCount = observed.PendingCount;
        status.RolloutState = primary?.RolloutState;
        status.RolloutStateReason = primary?.RolloutStateReason;
        status.CreatedAt = observed.CreatedAt is { } created ? Utc(created) : status.CreatedAt;
        status.Deployments = (observed.Deployments ?? []).Select(d => new ServiceDeploymentStatus
        {
            Id = d.Id,
            Status = d.Status,
            TaskDefinition = d.TaskDefinition,
            RolloutState = d.RolloutState,
            RolloutStateReason = d.RolloutStateReason,
            DesiredCount = d.DesiredCount,
            RunningCount = d.RunningCount,
            PendingCount = d.PendingCount,
            FailedTasks = d.FailedTasks,
            CreatedAt = d.CreatedAt is { } at ? Utc(at) : null,
        }).ToList();
        status.LoadBalancers = (observed.LoadBalancers ?? []).Select(lb => new ServiceLoadBalancerStatus
        {
            TargetGroupArn = lb.TargetGroupArn,
            LoadBalancerName = lb.LoadBalancerName,
            ContainerName = lb.ContainerName,
            ContainerPort = lb.ContainerPort,
        }).ToList();
    }

    /// <summary>
    /// The condition the rollout gives. <paramref name="wanted"/> is the task definition the spec resolves to; a
    /// failed deployment of it is remembered in status, so that it is not sent again after ECS rolled back.
    /// </summary>
    /// <remarks>
    /// RolloutFailed is never a terminal (parked) error: a new TaskDefinition revision clears it without an edit to the
    /// Service, and that arrives through the taskDefinitionRef index, which a parked object would ignore.
    /// </remarks>
    public static SyncOutcome Assess(V1alpha1Service obj, string wanted, Ecs.Service observed, DateTimeOffset now, TimeSpan recheck)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(observed);
        var status = obj.Status;
        var name = observed.ServiceName;
        var primary = ServiceDelta.Primary(observed);
        if (observed.Deployments?.FirstOrDefault(d => d.RolloutState == "FAILED" && ServiceDelta.SameTaskDefinition(d.TaskDefinition, wanted)) is { } failed)
        {
            status.FailedTaskDefinition = wanted;
            status.FailedAtGeneration = obj.Metadata.Generation;
            return SyncOutcome.Stalled(ConditionReasons.RolloutFailed, $"ECS service {name}: deployment {failed.Id} of {ServiceDelta.Revision(wanted)} failed: {failed.RolloutStateReason ?? "no reason given"}; running {Running(observed)}", Poll(primary, now));
        }

        if (IsFailed(status, obj.Metadata.Generation, wanted) && !ServiceDelta.SameTaskDefinition(observed.TaskDefinition, wanted))
        {
            return SyncOutcome.Stalled(ConditionReasons.RolloutFailed, $"ECS service {name}: the deployment of {ServiceDelta.Revision(wanted)} failed and ECS rolled back; running {Running(observed)}; change the spec or the task definition to try again", recheck);
        }

        if (primary?.RolloutState == "IN_PROGRESS" || (primary is not null && primary.RolloutState is null && observed.Deployments!.Count > 1))
        {
            return SyncOutcome.Reconciling(ConditionReasons.RollingOut, $"ECS service {name}: deployment {primary.Id} rolling out {ServiceDelta.Revision(primary.TaskDefinition ?? wanted)}: {primary.RunningCount ?? 0}/{primary.DesiredCount ?? 0} running, {primary.PendingCount ?? 0} pending", Poll(primary, now));
        }

        if (observed.RunningCount != observed.DesiredCount)
        {
            return SyncOutcome.Reconciling(ConditionReasons.RollingOut, $"ECS service {name}: {observed.RunningCount ?? 0}/{observed.DesiredCount ?? 0} tasks running", Poll(primary, now));
        }

        return SyncOutcome.Ready($"ECS service {name} runs {Running(observed)} with {observed.RunningCount ?? 0}/{observed.DesiredCount ?? 0} tasks; rollout {primary?.RolloutState ?? "steady"}");
    }

    /// <summary>A failure recorded for this generation and this task definition still holds.</summary>
    public static bool IsFailed(ServiceStatus status, long? generation, string wanted) =>
        status?.FailedTaskDefinition is { } failed && status.FailedAtGeneration == generation && ServiceDelta.SameTaskDefinition(failed, wanted);

    /// <summary>Adaptive: about 2 s while a deployment is young, backing off to 30 s as it ages. Never a fixed hot poll.</summary>
    private static TimeSpan Poll(Ecs.Deployment? primary, DateTimeOffset now)
    {
        if (primary?.CreatedAt is not { } created)
        {
            return FirstPoll;
        }

        var age = now - Utc(created);
        return TimeSpan.FromSeconds(Math.Clamp(age.TotalSeconds / 5, FirstPoll.TotalSeconds, LastPoll.TotalSeconds));
    }

    /// <summary>ECS's timestamps arrive as DateTime with no kind; they are UTC (epoch seconds on the wire).</summary>
    internal static DateTimeOffset Utc(DateTime ecsTime) => new(DateTime.SpecifyKind(ecsTime, DateTimeKind.Utc));

    private static string Running(Ecs.Service observed) => observed.TaskDefinition is { } td ? ServiceDelta.Revision(td) : "no task definition";
}

namespace AwsFaultProxy.Ecs;

/// <summary>
/// Moves emulated services forward in time, lazily: on every read or write, the steps that fell due up to now are
/// applied in time order, each stamped with the time it fell due. Each step takes one <see cref="Delay"/>, so a
/// FakeTimeProvider drives it without sleeps. A healthy deployment starts its tasks; an older one then drains
/// (its tasks stop) and is removed one step later, and the PRIMARY completes. Tasks of a deployment whose image is
/// tagged <c>crashloop</c> fail; the circuit breaker fails the deployment and, with rollback, starts a new PRIMARY on
/// the last completed task definition. Tasks of the EC2 launch type on a cluster without container instances are
/// never placed.
/// </summary>
internal sealed class EcsScheduler(TimeSpan delay)
{
    private const int MaxStepsPerRead = 10_000;

    public TimeSpan Delay { get; } = delay;

    public void Advance(EmulatedService service, DateTimeOffset now)
    {
        for (var i = 0; i < MaxStepsPerRead && NextDue(service) is { } due && due <= now; i++)
        {
            if (service.Status == "DRAINING" && service.InactiveAt == due)
            {
                Deactivate(service, due);
            }
            else
            {
                Step(service, service.Deployments.First(d => d.DueAt == due), due);
            }
        }
    }

    private static DateTimeOffset? NextDue(EmulatedService service)
    {
        var deployments = service.Deployments.Where(d => d.DueAt is not null).Select(d => d.DueAt!.Value);
        var draining = service.Status == "DRAINING" && service.InactiveAt is { } at ? [at] : Array.Empty<DateTimeOffset>();
        return deployments.Concat(draining).Order().Cast<DateTimeOffset?>().FirstOrDefault();
    }

    private void Step(EmulatedService service, EmulatedDeployment deployment, DateTimeOffset at)
    {
        deployment.DueAt = null;
        deployment.UpdatedAt = at;
        if (deployment.Unplaceable && deployment.DesiredCount > deployment.RunningCount)
        {
            // ECS creates no task it cannot place: nothing pending, nothing failed, the rollout never ends.
            deployment.PendingCount = 0;
            service.AddEvent(at, EcsEventMessages.UnableToPlace);
        }
        else if (deployment.TasksCrash && deployment.DesiredCount > deployment.RunningCount)
        {
            FailTasks(service, deployment, at);
        }
        else if (deployment.RolloutState != "IN_PROGRESS")
        {
            Scale(service, deployment, at);
        }
        else
        {
            RollForward(service, deployment, at);
        }
    }

    /// <summary>A healthy PRIMARY: start its tasks, then drain the older deployments, then remove them and complete.</summary>
    private void RollForward(EmulatedService service, EmulatedDeployment primary, DateTimeOffset at)
    {
        var older = service.Deployments.Where(d => d != primary).ToList();
        if (primary.RunningCount != primary.DesiredCount)
        {
            Scale(service, primary, at);
        }
        else if (older.Any(d => d.RunningCount > 0))
        {
            foreach (var old in older.Where(d => d.RunningCount > 0))
            {
                service.AddEvent(at, EcsEventMessages.StoppedTasks(old.RunningCount));
                (old.RunningCount, old.PendingCount, old.DesiredCount, old.UpdatedAt) = (0, 0, 0, at);
            }
        }
        else
        {
            service.Deployments.RemoveAll(older.Contains);
            Complete(service, primary, at);
            return;
        }

        primary.DueAt = older.Count == 0 ? null : at + Delay;
        if (older.Count == 0)
        {
            Complete(service, primary, at);
        }
    }

    private static void Complete(EmulatedService service, EmulatedDeployment primary, DateTimeOffset at)
    {
        primary.RolloutState = "COMPLETED";
        service.LastCompletedTaskDefinition = primary.TaskDefinitionArn;
        service.LastCompletedDeploymentId = primary.Id;
        service.AddEvent(at, EcsEventMessages.DeploymentCompleted(primary.Id));
        service.AddEvent(at, EcsEventMessages.SteadyState);
    }

    /// <summary>Moves running tasks to the desired count (a desiredCount change on a settled deployment).</summary>
    private static void Scale(EmulatedService service, EmulatedDeployment deployment, DateTimeOffset at)
    {
        var change = deployment.DesiredCount - deployment.RunningCount;
        (deployment.RunningCount, deployment.PendingCount) = (deployment.DesiredCount, 0);
        if (change != 0)
        {
            service.AddEvent(at, change > 0 ? EcsEventMessages.StartedTasks(change) : EcsEventMessages.StoppedTasks(-change));
        }

        if (deployment.RolloutState != "IN_PROGRESS")
        {
            service.AddEvent(at, EcsEventMessages.SteadyState);
        }
    }

    /// <summary>Every task launched fails; the circuit breaker (when on) fails the deployment past its threshold.</summary>
    private void FailTasks(EmulatedService service, EmulatedDeployment deployment, DateTimeOffset at)
    {
        var launched = deployment.DesiredCount - deployment.RunningCount;
        deployment.FailedTasks += launched;
        service.AddEvent(at, EcsEventMessages.StartedTasks(launched));
        var breaker = service.Config["deploymentConfiguration"]?["deploymentCircuitBreaker"];
        var breakerOn = breaker?.Flag("enable") == true;
        if (deployment.RolloutState != "IN_PROGRESS")
        {
            return;
        }

        if (!breakerOn || deployment.FailedTasks < FailureThreshold(deployment.DesiredCount))
        {
            if (!breakerOn && deployment.FailedTasks >= FailureThreshold(deployment.DesiredCount) && deployment.FailedTasks - launched < FailureThreshold(deployment.DesiredCount))
            {
                service.AddEvent(at, EcsEventMessages.UnableToStartTasks);
            }

            deployment.DueAt = at + Delay;
            return;
        }

        deployment.RolloutState = "FAILED";
        deployment.RolloutStateReason = EcsEventMessages.CircuitBreakerFailed;
        service.AddEvent(at, EcsEventMessages.DeploymentFailed(deployment.Id));
        if (breaker?.Flag("rollback") == true && service.LastCompletedTaskDefinition is { } previous)
        {
            RollBack(service, deployment, previous, at);
        }
    }

    /// <summary>As ECS does: a new PRIMARY on the last completed task definition; the failed one stays FAILED and drains.</summary>
    private void RollBack(EmulatedService service, EmulatedDeployment failed, string taskDefinition, DateTimeOffset at)
    {
        failed.Status = "ACTIVE";
        (failed.DesiredCount, failed.PendingCount) = (0, 0);
        var rollback = new EmulatedDeployment
        {
            Id = EmulatedDeployment.NewId(),
            TaskDefinitionArn = taskDefinition,
            TasksCrash = false,
            CreatedAt = at,
            UpdatedAt = at,
            Settings = failed.Settings.DeepClone().AsObject(),
            DesiredCount = service.DesiredCount,
            PendingCount = service.DesiredCount,
            RolloutStateReason = EcsEventMessages.RollingBackReason(service.LastCompletedDeploymentId ?? failed.Id),
            DueAt = at + Delay,
        };
        service.Deployments.Insert(0, rollback);
        service.Config["taskDefinition"] = taskDefinition;
        service.AddEvent(at, EcsEventMessages.RollingBack(service.LastCompletedDeploymentId ?? failed.Id));
    }

    private static void Deactivate(EmulatedService service, DateTimeOffset at)
    {
        var running = service.Deployments.Sum(d => d.RunningCount);
        foreach (var deployment in service.Deployments)
        {
            (deployment.RunningCount, deployment.PendingCount, deployment.DesiredCount, deployment.DueAt) = (0, 0, 0, null);
        }

        if (running > 0)
        {
            service.AddEvent(at, EcsEventMessages.StoppedTasks(running));
        }

        service.Status = "INACTIVE";
    }

    /// <summary>ECS's circuit breaker threshold: half the desired count, at least 3 and at most 200.</summary>
    public static int FailureThreshold(int desiredCount) => Math.Clamp((desiredCount + 1) / 2, 3, 200);
}

using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Tests.Controllers.Service;

/// <summary>
/// What a rollout gives as kstatus: RollingOut with a requeue that backs off from 2 s to 30 s, Ready once the PRIMARY
/// deployment completed with every task running (one deployment and the counts where ECS reports no rolloutState),
/// Stalled/RolloutFailed quoting ECS's reason; and the restartedAt bookkeeping that survives a crash.
/// </summary>
public sealed class ServiceRolloutTests
{
    private const string Revision1 = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1";
    private const string Revision2 = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Resync = TimeSpan.FromMinutes(10);

    private static Ecs.Deployment Deployment(string status, string taskDefinition, string? rolloutState, int running, TimeSpan age, string? reason = null) => new()
    {
        Id = $"ecs-svc/{status}-{taskDefinition[^1]}",
        Status = status,
        TaskDefinition = taskDefinition,
        RolloutState = rolloutState,
        RolloutStateReason = reason,
        DesiredCount = 2,
        RunningCount = running,
        CreatedAt = (Now - age).UtcDateTime,
    };

    private static Ecs.Service Service(int running, params Ecs.Deployment[] deployments) => new()
    {
        ServiceName = "web",
        Status = "ACTIVE",
        TaskDefinition = deployments[0].TaskDefinition,
        DesiredCount = 2,
        RunningCount = running,
        Deployments = [.. deployments],
    };

    private static V1alpha1Service Object() => new() { Metadata = new() { Name = "web", Generation = 3 }, Status = new ServiceStatus() };

    private static SyncOutcome Assess(Ecs.Service observed, V1alpha1Service? obj = null, string wanted = Revision2) =>
        ServiceRollout.Assess(obj ?? Object(), wanted, observed, Now, Resync);

    [Fact]
    public void An_in_progress_primary_is_rolling_out_polled_at_2_s_while_young_and_30_s_once_old()
    {
        var young = Assess(Service(1, Deployment("PRIMARY", Revision2, "IN_PROGRESS", 1, TimeSpan.FromSeconds(3)), Deployment("ACTIVE", Revision1, "COMPLETED", 2, TimeSpan.FromHours(1))));
        var old = Assess(Service(1, Deployment("PRIMARY", Revision2, "IN_PROGRESS", 1, TimeSpan.FromMinutes(20))));

        Assert.Equal((OutcomeState.Reconciling, ConditionReasons.RollingOut, TimeSpan.FromSeconds(2)), (young.State, young.Reason, young.RequeueAfter));
        Assert.Contains("1/2 running", young.Message, StringComparison.Ordinal);
        Assert.Equal((OutcomeState.Reconciling, TimeSpan.FromSeconds(30)), (old.State, old.RequeueAfter));
    }

    [Fact]
    public void A_completed_primary_with_every_task_running_is_ready_and_with_fewer_is_not()
    {
        Assert.Equal(OutcomeState.Ready, Assess(Service(2, Deployment("PRIMARY", Revision2, "COMPLETED", 2, TimeSpan.FromMinutes(5)))).State);

        var short1 = Assess(Service(1, Deployment("PRIMARY", Revision2, "COMPLETED", 1, TimeSpan.FromMinutes(5))));
        Assert.Equal((OutcomeState.Reconciling, ConditionReasons.RollingOut), (short1.State, short1.Reason));
    }

    [Fact]
    public void Without_a_rollout_state_ready_means_one_deployment_with_every_task_running()
    {
        var one = Assess(Service(2, Deployment("PRIMARY", Revision2, null, 2, TimeSpan.FromMinutes(5))));
        var two = Assess(Service(2, Deployment("PRIMARY", Revision2, null, 1, TimeSpan.FromSeconds(5)), Deployment("ACTIVE", Revision1, null, 1, TimeSpan.FromHours(1))));

        Assert.Equal(OutcomeState.Ready, one.State);
        Assert.Equal((OutcomeState.Reconciling, ConditionReasons.RollingOut), (two.State, two.Reason));
    }

    [Fact]
    public void A_deployment_the_circuit_breaker_failed_is_stalled_quoting_ecs_and_remembered()
    {
        const string reason = "ECS deployment circuit breaker: tasks failed to start.";
        var obj = Object();
        var observed = Service(2, Deployment("PRIMARY", Revision1, "IN_PROGRESS", 0, TimeSpan.FromSeconds(5)), Deployment("ACTIVE", Revision2, "FAILED", 0, TimeSpan.FromMinutes(2), reason));

        var outcome = Assess(observed, obj);

        Assert.Equal((OutcomeState.Stalled, ConditionReasons.RolloutFailed), (outcome.State, outcome.Reason));
        Assert.Contains(reason, outcome.Message, StringComparison.Ordinal);
        Assert.Equal((Revision2, 3L), (obj.Status.FailedTaskDefinition, obj.Status.FailedAtGeneration));
        Assert.True(ServiceRollout.IsFailed(obj.Status, 3, "web:2"));
        Assert.False(ServiceRollout.IsFailed(obj.Status, 4, "web:2"));
        Assert.False(ServiceRollout.IsFailed(obj.Status, 3, "web:3"));
    }

    [Fact]
    public void After_ecs_rolled_back_the_failed_revision_stays_stalled_until_the_spec_or_the_revision_changes()
    {
        var obj = Object();
        obj.Status.FailedTaskDefinition = Revision2;
        obj.Status.FailedAtGeneration = 3;
        var rolledBack = Service(2, Deployment("PRIMARY", Revision1, "COMPLETED", 2, TimeSpan.FromMinutes(1)));

        var outcome = Assess(rolledBack, obj);

        Assert.Equal((OutcomeState.Stalled, ConditionReasons.RolloutFailed, Resync), (outcome.State, outcome.Reason, outcome.RequeueAfter));
        Assert.Contains("rolled back", outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "1", "ecs-svc/a", true)] // a new value
    [InlineData("1", null, "1", "ecs-svc/a", false)] // satisfied at creation: no PRIMARY was recorded
    [InlineData("1", "ecs-svc/a", "1", "ecs-svc/b", false)] // the call was made: the PRIMARY changed
    [InlineData("1", "ecs-svc/a", "1", "ecs-svc/a", true)] // recorded, then a crash before the call: still pending
    [InlineData("1", "ecs-svc/a", "2", "ecs-svc/b", true)] // another value
    public void RestartedAt_is_pending_only_for_a_new_value_or_a_call_whose_new_primary_has_not_appeared(string? done, string? donePrimary, string value, string primary, bool pending)
    {
        var recorded = done is null ? null : new ServiceRestartStatus { Value = done, PrimaryDeploymentId = donePrimary };

        Assert.Equal(pending, ServiceReconciler.RestartPending(recorded, value, primary));
    }
}

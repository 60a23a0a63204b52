using System.Text.Json.Nodes;
using EcsOperator.Entities;
using Xunit;

namespace EcsOperator.IntegrationTests.GitOps;

/// <summary>The Argo CD health Lua in deploy/gitops/argocd, run in lua5.1 against every kstatus state of every kind.</summary>
public sealed class ArgoHealthCheckTests
{
    private static readonly ArgoHealthCheck Check = ArgoHealthCheck.Load();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<Type> Kinds => new(EntityKinds.All);

    [Fact]
    public void Argo_health_keys_are_exactly_the_kinds_in_EntityKinds_All()
    {
        var expected = EntityKinds.All.Select(ArgoHealthCheck.KeyFor).Order(StringComparer.Ordinal);

        Assert.Equal(expected, Check.Scripts.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_object_the_operator_has_not_seen_yet_is_Progressing(Type kind)
    {
        var noStatus = await EvaluateAsync(kind, KstatusSamples.WithoutStatus(kind));
        var noConditions = KstatusSamples.WithoutStatus(kind);
        noConditions["status"] = new JsonObject { ["conditions"] = new JsonArray() };

        Assert.Equal(new ArgoHealth("Progressing", "Waiting for the operator to report status"), noStatus);
        Assert.Equal(noStatus, await EvaluateAsync(kind, noConditions));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Ready_is_Healthy(Type kind)
    {
        var health = await EvaluateAsync(kind, KstatusSamples.Ready(kind));

        Assert.Equal(new ArgoHealth("Healthy", "Synced: in sync with AWS"), health);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_status_older_than_the_spec_is_Progressing_whatever_it_said(Type kind)
    {
        var wasReady = await EvaluateAsync(kind, KstatusSamples.EditedSince(KstatusSamples.Ready(kind, generation: 2)));
        var wasStalled = await EvaluateAsync(kind, KstatusSamples.EditedSince(KstatusSamples.Stalled(kind, "InvalidSpec", "spec.tags: too many", generation: 2)));

        Assert.Equal(new ArgoHealth("Progressing", "Waiting for the operator to observe generation 3"), wasReady);
        Assert.Equal(wasReady, wasStalled);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Reconciling_is_Progressing_with_its_reason_and_message(Type kind)
    {
        var health = await EvaluateAsync(kind, KstatusSamples.Reconciling(kind, "DependencyNotReady", "Cluster demo is not Ready"));

        Assert.Equal(new ArgoHealth("Progressing", "DependencyNotReady: Cluster demo is not Ready"), health);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Stalled_is_Degraded_with_its_reason_and_message(Type kind)
    {
        var health = await EvaluateAsync(kind, KstatusSamples.Stalled(kind, "AccessDenied", "ecs:CreateCluster is not allowed"));

        Assert.Equal(new ArgoHealth("Degraded", "AccessDenied: ecs:CreateCluster is not allowed"), health);
    }

    [Fact]
    public async Task A_Service_mid_rollout_is_Progressing_and_a_failed_rollout_Degraded()
    {
        var rolling = await EvaluateAsync(typeof(V1alpha1Service), KstatusSamples.Reconciling(typeof(V1alpha1Service), "RollingOut", "deployment ecs-svc/1 IN_PROGRESS: 1 of 2 tasks running", generation: 4));
        var failed = await EvaluateAsync(typeof(V1alpha1Service), KstatusSamples.Stalled(typeof(V1alpha1Service), "RolloutFailed", "deployment ecs-svc/1 failed: tasks failed to start", generation: 4));

        Assert.Equal(new ArgoHealth("Progressing", "RollingOut: deployment ecs-svc/1 IN_PROGRESS: 1 of 2 tasks running"), rolling);
        Assert.Equal(new ArgoHealth("Degraded", "RolloutFailed: deployment ecs-svc/1 failed: tasks failed to start"), failed);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_paused_object_is_Suspended_even_while_being_deleted(Type kind)
    {
        var paused = await EvaluateAsync(kind, KstatusSamples.Reconciling(kind, "Paused", "reconcile is paused by annotation"));
        var pausedDeleting = await EvaluateAsync(kind, KstatusSamples.BeingDeleted(KstatusSamples.Reconciling(kind, "Paused", "deletion waits until unpaused")));

        Assert.Equal(new ArgoHealth("Suspended", "Paused: reconcile is paused by annotation"), paused);
        Assert.Equal(new ArgoHealth("Suspended", "Paused: deletion waits until unpaused"), pausedDeleting);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_object_being_deleted_is_Progressing_unless_its_teardown_is_stalled(Type kind)
    {
        var waiting = await EvaluateAsync(kind, KstatusSamples.BeingDeleted(KstatusSamples.Reconciling(kind, "DependentsExist", "2 services remain")));
        var stillReady = await EvaluateAsync(kind, KstatusSamples.BeingDeleted(KstatusSamples.Ready(kind)));
        var denied = await EvaluateAsync(kind, KstatusSamples.BeingDeleted(KstatusSamples.Stalled(kind, "AccessDenied", "ecs:DeleteCluster is not allowed")));

        Assert.Equal(new ArgoHealth("Progressing", "Deleting: DependentsExist: 2 services remain"), waiting);
        Assert.Equal(new ArgoHealth("Progressing", "Deleting"), stillReady);
        Assert.Equal(new ArgoHealth("Degraded", "AccessDenied: ecs:DeleteCluster is not allowed"), denied);
    }

    private static Task<ArgoHealth> EvaluateAsync(Type kind, JsonObject obj) => Check.EvaluateAsync(kind, obj, Ct);
}

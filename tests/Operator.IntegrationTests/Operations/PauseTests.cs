using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.Testing;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.IntegrationTests.Operations;

/// <summary>
/// The annotation <c>ecs.operator.dev/reconcile: paused</c> against LocalKube and moto, with the operator running: a
/// paused object neither applies its edits nor corrects drift, and shows Reconciling/Paused; deleted while paused, it
/// keeps its finalizer and its AWS side and says so; removing the annotation resumes both. The stack is this class's
/// alone, so the proxy's counts of ECS mutations are the operator's; the test drifts ECS directly in moto.
/// </summary>
public sealed class PauseTests(OperatorStack stack) : IClassFixture<OperatorStack>
{
    private static readonly string[] EcsMutations =
        ["UpdateCluster", "PutClusterCapacityProviders", "TagResource", "UntagResource", "DeleteCluster"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_paused_object_is_left_alone_its_deletion_waits_and_removing_the_annotation_resumes_both()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("pause"));
        var name = TestNames.Unique("pause");
        await stack.Objects.CreateAsync(new V1alpha1Cluster
        {
            Metadata = new() { Name = "demo", NamespaceProperty = ns },
            Spec = new ClusterSpec { ClusterName = name, ContainerInsights = "enabled" },
        });
        await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "demo");

        // Paused: an edit and a console change, then the reconcile the edit triggers has run (it observed the generation).
        await PauseAsync(ns, paused: true);
        var mutationsBefore = EcsMutationCount();
        using var direct = MotoAws.Factory(stack.Moto).CreateEcs();
        await direct.UpdateClusterAsync(new Ecs.UpdateClusterRequest { Cluster = name, Settings = [Insights("disabled")] }, Ct);
        var edited = await stack.Objects.UpdateAsync<V1alpha1Cluster>(ns, "demo", c => c.Spec.Tags = new Dictionary<string, string> { ["team"] = "payments" });
        await stack.Objects.WaitForAsync<V1alpha1Cluster>(
            ns, "demo", c => IsPaused(c) && c.Status.ObservedGeneration == edited.Metadata.Generation, "Reconciling/Paused for the edit");

        Assert.Equal(mutationsBefore, EcsMutationCount());
        var untouched = (await stack.Ecs.ClusterAsync(name))!;
        Assert.Equal("disabled", untouched.Settings!.Single(s => s.Name == "containerInsights").Value);
        Assert.False(untouched.Tags.TagMap().ContainsKey("team"), "a paused object's edit reached ECS");

        // Resumed: the edit is applied and the drift corrected.
        await PauseAsync(ns, paused: false);
        await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "demo");
        var resumed = (await stack.Ecs.ClusterAsync(name))!;
        Assert.Equal("enabled", resumed.Settings!.Single(s => s.Name == "containerInsights").Value);
        Assert.Equal("payments", resumed.Tags.TagMap()["team"]);

        // Deleted while paused: the finalizer and the ECS cluster stay, and the condition says why.
        await PauseAsync(ns, paused: true);
        mutationsBefore = EcsMutationCount();
        await stack.Objects.DeleteAsync<V1alpha1Cluster>(ns, "demo");
        var waiting = await stack.Objects.WaitForAsync<V1alpha1Cluster>(
            ns, "demo", c => c.Metadata.DeletionTimestamp is not null && IsPaused(c) && PausedMessage(c).Contains("deletion is paused", StringComparison.Ordinal), "Reconciling/Paused for its deletion");

        Assert.Contains(WellKnown.Finalizer, waiting.Metadata.Finalizers);
        Assert.Equal(mutationsBefore, EcsMutationCount());
        Assert.Equal("ACTIVE", (await stack.Ecs.ClusterAsync(name))!.Status);

        // Removing the annotation lets the deletion through.
        await PauseAsync(ns, paused: false);
        await stack.Objects.WaitGoneAsync<V1alpha1Cluster>(ns, "demo");
        Assert.Equal("INACTIVE", (await stack.Ecs.ClusterAsync(name))?.Status ?? "INACTIVE");
    }

    private async Task PauseAsync(string ns, bool paused)
    {
        await stack.Objects.UpdateAsync<V1alpha1Cluster>(ns, "demo", c =>
        {
            c.Metadata.Annotations ??= new Dictionary<string, string>();
            if (paused)
            {
                c.Metadata.Annotations[WellKnown.ReconcileAnnotation] = WellKnown.Paused;
            }
            else
            {
                c.Metadata.Annotations.Remove(WellKnown.ReconcileAnnotation);
            }
        });
        if (paused)
        {
            await stack.Objects.WaitForAsync<V1alpha1Cluster>(ns, "demo", IsPaused, "Reconciling/Paused");
        }
    }

    private static bool IsPaused(V1alpha1Cluster c) =>
        KubeObjects.Condition(c, ConditionTypes.Reconciling) is { Status: ConditionStatus.True, Reason: ConditionReasons.Paused };

    private static string PausedMessage(V1alpha1Cluster c) => KubeObjects.Condition(c, ConditionTypes.Reconciling)?.Message ?? string.Empty;

    private long EcsMutationCount() => EcsMutations.Sum(op => stack.Proxy.Stats.For("ecs", op).Calls);

    private static Ecs.ClusterSetting Insights(string value) => new() { Name = "containerInsights", Value = value };
}

using EcsOperator.Entities;
using EcsOperator.Testing;
using k8s;
using Xunit;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// The Service across operator restarts: a kill right after CreateService or after the restartedAt UpdateService
/// (held by the fault proxy, <see cref="CrashPoint"/>) ends with exactly one such call, and ECS's events are not posted
/// again by the next operator. Its own stack, because it stops and restarts the operator.
/// </summary>
public sealed class ServiceRestartTests(OperatorStack stack) : IClassFixture<OperatorStack>
{
    private static readonly TimeSpan RolloutTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_kill_right_after_CreateService_ends_with_exactly_one_successful_CreateService()
    {
        var names = await DependenciesAsync("svc-kill-create");
        var created = stack.Proxy.Stats.For("ecs", "CreateService");

        await CrashPoint.KillAfterAsync(stack, "ecs", "CreateService", () => stack.Objects.CreateAsync(names.Service()));
        Assert.Equal("ACTIVE", (await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName))?.Status);
        Assert.Null((await stack.Objects.GetAsync<V1alpha1Service>(names.Namespace, "web"))!.Status.Arn);

        await stack.StartOperatorAsync();
        var ready = await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout);

        var after = stack.Proxy.Stats.For("ecs", "CreateService");
        Assert.Equal((1L, 1L), (after.Calls - created.Calls, after.Succeeded - created.Succeeded));
        Assert.Equal((await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName))!.ServiceArn, ready.Status.Arn);
    }

    [Fact]
    public async Task A_kill_right_after_the_restartedAt_UpdateService_ends_with_exactly_one_forced_deployment()
    {
        var names = await DependenciesAsync("svc-kill-restart");
        await stack.Objects.CreateAsync(names.Service());
        var ready = await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout);
        var primary = ready.Status.Deployments!.Single(d => d.Status == "PRIMARY").Id;
        var updates = stack.Proxy.Stats.For("ecs", "UpdateService");

        await CrashPoint.KillAfterAsync(stack, "ecs", "UpdateService", () => stack.Objects.UpdateAsync<V1alpha1Service>(
            names.Namespace, "web", s => s.Metadata.Annotations = new Dictionary<string, string> { [WellKnown.RestartedAtAnnotation] = "1700000000" }));
        var frozen = await stack.Objects.GetAsync<V1alpha1Service>(names.Namespace, "web");
        Assert.Equal(("1700000000", primary), (frozen!.Status.RestartedAt?.Value, frozen.Status.RestartedAt?.PrimaryDeploymentId));

        await stack.StartOperatorAsync();
        var restarted = await stack.Objects.WaitForAsync<V1alpha1Service>(names.Namespace, "web",
            s => KubeObjects.IsReady(s) && s.Status.Deployments?.Single(d => d.Status == "PRIMARY").Id != primary, "Ready on a new PRIMARY deployment", RolloutTimeout);

        var after = stack.Proxy.Stats.For("ecs", "UpdateService");
        Assert.Equal((1L, 1L), (after.Calls - updates.Calls, after.Succeeded - updates.Succeeded));
        Assert.Equal("1700000000", restarted.Status.RestartedAt?.Value);
    }

    [Fact]
    public async Task Ecs_steady_state_event_is_posted_once_also_after_an_operator_restart()
    {
        var names = await DependenciesAsync("svc-events");
        await stack.Objects.CreateAsync(names.Service());
        await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout);
        Assert.Single(await stack.Objects.EventMessagesAsync(names.Namespace, "web", SteadyState), IsSteadyState);

        await stack.StopOperatorAsync();
        await stack.StartOperatorAsync();

        // The new operator's first pass (its own registry starts at 0): every Service of this stack is queued once, and
        // the earlier tests' Services are at rest, so as many reconciles as Services include this one's.
        var services = (await stack.Objects.Client.CustomObjects.ListCustomObjectForAllNamespacesAsync(EntityGroup.Group, EntityGroup.Version, V1alpha1Service.Plural, cancellationToken: TestContext.Current.CancellationToken)) is System.Text.Json.JsonElement list
            ? list.GetProperty("items").GetArrayLength()
            : 0;
        Assert.True(
            await Eventually.TrueAsync(async () => await stack.MetricAsync("controller_runtime_reconcile_total", ("controller", "service")) >= services, KubeObjects.DefaultTimeout),
            $"the restarted operator did not reconcile the {services} services");
        Assert.Single(await stack.Objects.EventMessagesAsync(names.Namespace, "web", SteadyState), IsSteadyState);

        // As a user sees it: one line, not repeated, and not one Event counted twice ("x2 over ...").
        var kubectl = new Kubectl(stack.Kube?.Kubeconfig.Path ?? Environment.GetEnvironmentVariable(OperatorStack.RealClusterVariable)!);
        var described = await kubectl.RunOkAsync("describe", "ecss", "web", "-n", names.Namespace);
        var lines = described.Split('\n').Where(IsSteadyState).ToList();
        Assert.True(lines.Count == 1 && !lines[0].Contains("(x", StringComparison.Ordinal), $"kubectl describe ecss web:\n{described}");
    }

    [Fact]
    public async Task A_service_waits_for_its_references_by_name_is_requeued_by_their_changes_and_a_literal_revision_is_used_as_is()
    {
        // A 10-minute resync: the NotReady requeue and the sweeps are that far away, so only the clusterRef and
        // taskDefinitionRef indexes can move the Service on within the test's timeouts.
        await stack.StopOperatorAsync();
        await stack.StartOperatorAsync(adjust: options => options with { ResyncPeriod = TimeSpan.FromMinutes(10) });
        try
        {
            var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("svc-refs"));
            var names = new ServiceStack(ns, TestNames.Unique("svc-cl"), TestNames.Unique("svc-td"), TestNames.Unique("svc"));
            await stack.Objects.CreateAsync(names.Service());
            await WaitWaitingForAsync(ns, $"Cluster demo does not exist in namespace {ns}");

            await stack.Objects.CreateAsync(names.Cluster());
            await WaitWaitingForAsync(ns, $"TaskDefinition web does not exist in namespace {ns}");
            await stack.Objects.CreateAsync(names.TaskDefinition());
            await stack.Objects.WaitReadyAsync<V1alpha1Service>(ns, "web", RolloutTimeout);

            var pinned = names.Service(spec =>
            {
                spec.ServiceName = TestNames.Unique("svc-pinned");
                (spec.ClusterRef, spec.Cluster) = (null, names.ClusterName);
                (spec.TaskDefinitionRef, spec.TaskDefinition) = (null, $"{names.Family}:1");
            });
            pinned.Metadata.Name = "pinned";
            await stack.Objects.CreateAsync(pinned);
            await stack.Objects.WaitReadyAsync<V1alpha1Service>(ns, "pinned", RolloutTimeout);
            await stack.Objects.UpdateAsync<V1alpha1TaskDefinition>(ns, "web", td => td.Spec.ContainerDefinitions[0].Image = "nginx:1.28");

            await stack.Objects.WaitForAsync<V1alpha1Service>(ns, "web", s => KubeObjects.IsReady(s) && s.Status.TaskDefinitionRevision == $"{names.Family}:2", "rolled to revision 2", RolloutTimeout);
            Assert.EndsWith($"{names.Family}:1", (await stack.Ecs.ServiceAsync(names.ClusterName, pinned.Spec.ServiceName!))!.TaskDefinition, StringComparison.Ordinal);
        }
        finally
        {
            await stack.StopOperatorAsync();
            await stack.StartOperatorAsync();
        }
    }

    private Task<V1alpha1Service> WaitWaitingForAsync(string ns, string message) =>
        stack.Objects.WaitForAsync<V1alpha1Service>(ns, "web",
            s => KubeObjects.Condition(s, ConditionTypes.Reconciling) is { Reason: "DependencyNotReady" } waiting && waiting.Message?.Contains(message, StringComparison.Ordinal) == true,
            $"Reconciling/DependencyNotReady: {message}");

    private const string SteadyState = "has reached a steady state";

    private static bool IsSteadyState(string message) => message.Contains(SteadyState, StringComparison.Ordinal);

    /// <summary>The namespace with a Ready Cluster and TaskDefinition, so that the Service's first reconcile goes straight to ECS.</summary>
    private async Task<ServiceStack> DependenciesAsync(string prefix)
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique(prefix));
        var names = new ServiceStack(ns, TestNames.Unique("svc-cl"), TestNames.Unique("svc-td"), TestNames.Unique("svc"));
        await stack.Objects.CreateAsync(names.Cluster());
        await stack.Objects.CreateAsync(names.TaskDefinition());
        await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "demo");
        await stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(ns, "web");
        return names;
    }
}

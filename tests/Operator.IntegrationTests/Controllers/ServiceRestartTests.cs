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

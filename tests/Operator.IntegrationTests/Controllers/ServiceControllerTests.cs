using System.Text.Json.Nodes;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Testing;
using k8s;
using Xunit;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// Issue 11's Service acceptance lines, against LocalKube + moto behind the fault proxy's ECS services front (which
/// runs tasks and rollouts as ECS does), with the operator running in-process.
/// </summary>
public sealed class ServiceControllerTests(OperatorStack stack) : IClassFixture<OperatorStack>
{
    private static readonly TimeSpan RolloutTimeout = TimeSpan.FromSeconds(90);

    private async Task<ServiceStack> ApplyStackAsync(string prefix, Action<ServiceSpec>? change = null, string image = "nginx:1.27")
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique(prefix));
        var names = new ServiceStack(ns, TestNames.Unique("svc-cl"), TestNames.Unique("svc-td"), TestNames.Unique("svc"));
        await stack.Objects.CreateAsync(names.Cluster());
        await stack.Objects.CreateAsync(names.TaskDefinition(image));
        await stack.Objects.CreateAsync(names.Service(change));
        return names;
    }

    [Fact]
    public async Task The_stack_becomes_ready_and_ecs_has_every_spec_field()
    {
        var names = await ApplyStackAsync("svc-stack", spec =>
        {
            spec.PlatformVersion = "1.4.0";
            spec.EnableExecuteCommand = true;
            spec.EnableECSManagedTags = true;
            spec.AvailabilityZoneRebalancing = "DISABLED";
            spec.DeploymentConfiguration!.Alarms = new() { AlarmNames = ["web-5xx"], Enable = true, Rollback = true };
            spec.ServiceRegistries = [new() { RegistryArn = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-web" }];
        });

        var ready = await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout);

        var td = await stack.Objects.GetAsync<V1alpha1TaskDefinition>(names.Namespace, "web");
        var service = await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName);
        Assert.NotNull(service);
        Assert.Equal(("ACTIVE", 2, 2), (service.Status, service.DesiredCount, service.RunningCount));
        Assert.Equal(td!.Status.Arn, service.TaskDefinition);
        Assert.Empty(Differences(SpecAsEcsFields(ready.Spec), WireShape.ToNode(service), "spec"));
        var tags = service.Tags.TagMap();
        Assert.Equal("web", tags["app"]);
        Assert.Equal($"{names.Namespace}/Service/web", tags[WellKnown.OwnerTag]);
        Assert.Equal((service.ServiceArn, "COMPLETED", 2), (ready.Status.Arn, ready.Status.RolloutState, ready.Status.RunningCount));
        Assert.Equal($"{names.Family}:1", ready.Status.TaskDefinitionRevision);
    }

    [Fact]
    public async Task An_image_edit_rolls_the_service_to_the_new_revision_without_touching_the_service_object()
    {
        var names = await ApplyStackAsync("svc-image");
        var first = await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout);
        var revision2 = $"{names.Family}:2";

        var states = await WatchRolloutAsync(
            names.Namespace,
            () => stack.Objects.UpdateAsync<V1alpha1TaskDefinition>(names.Namespace, "web", td => td.Spec.ContainerDefinitions[0].Image = "nginx:1.28"),
            s => KubeObjects.IsReady(s) && s.Status.TaskDefinitionRevision == revision2);

        var rolling = states.FindIndex(s => s == $"{revision2} IN_PROGRESS RollingOut");
        var completed = states.FindIndex(s => s.StartsWith($"{revision2} COMPLETED", StringComparison.Ordinal));
        Assert.True(rolling >= 0 && rolling < completed && states[^1] == $"{revision2} COMPLETED Ready", $"status went: {string.Join(" -> ", states)}");
        var rolled = await stack.Objects.GetAsync<V1alpha1Service>(names.Namespace, "web");
        Assert.Equal(first.Metadata.Generation, rolled!.Metadata.Generation);
        var service = await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName);
        Assert.EndsWith(revision2, service!.TaskDefinition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crashlooping_image_is_stalled_rolled_back_not_resent_and_ready_once_fixed()
    {
        var names = await ApplyStackAsync("svc-crash");
        await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout);

        await stack.Objects.UpdateAsync<V1alpha1TaskDefinition>(names.Namespace, "web", td => td.Spec.ContainerDefinitions[0].Image = "nginx:crashloop");
        var stalled = await stack.Objects.WaitConditionAsync<V1alpha1Service>(names.Namespace, "web", ConditionTypes.Stalled, "RolloutFailed");
        Assert.Contains($"{names.Family}:2", KubeObjects.Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);

        // ECS rolls back to revision 1, and the operator does not send revision 2 again.
        await stack.Objects.WaitForAsync<V1alpha1Service>(names.Namespace, "web",
            s => s.Status.TaskDefinitionRevision == $"{names.Family}:1" && s.Status.RolloutState == "COMPLETED", "rolled back to revision 1", RolloutTimeout);
        Assert.EndsWith($"{names.Family}:1", (await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName))!.TaskDefinition, StringComparison.Ordinal);
        var updatesAfterRollback = stack.Proxy.Stats.For("ecs", "UpdateService").Calls;
        await stack.Objects.UpdateAsync<V1alpha1Service>(names.Namespace, "web", s => s.Metadata.Annotations = new Dictionary<string, string> { ["touch"] = "1" });
        await WaitForServiceResyncAsync();
        var after = await stack.Objects.GetAsync<V1alpha1Service>(names.Namespace, "web");
        Assert.Equal("RolloutFailed", KubeObjects.Condition(after!, ConditionTypes.Stalled)?.Reason);
        Assert.Equal(updatesAfterRollback, stack.Proxy.Stats.For("ecs", "UpdateService").Calls);

        await stack.Objects.UpdateAsync<V1alpha1TaskDefinition>(names.Namespace, "web", td => td.Spec.ContainerDefinitions[0].Image = "nginx:1.29");
        await stack.Objects.WaitForAsync<V1alpha1Service>(names.Namespace, "web",
            s => KubeObjects.IsReady(s) && s.Status.TaskDefinitionRevision == $"{names.Family}:3", "ready on revision 3", RolloutTimeout);
    }

    [Fact]
    public async Task Changing_the_launch_type_is_stalled_and_an_unsupported_controller_is_invalid_without_mutations()
    {
        var names = await ApplyStackAsync("svc-immutable");
        await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout);
        var mutationsBefore = MutatingCalls();

        await stack.Objects.UpdateAsync<V1alpha1Service>(names.Namespace, "web", s => s.Spec.LaunchType = "EC2");
        var stalled = await stack.Objects.WaitConditionAsync<V1alpha1Service>(names.Namespace, "web", ConditionTypes.Stalled, "ImmutableFieldChanged");
        Assert.Contains("spec.launchType", KubeObjects.Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);

        await stack.Objects.UpdateAsync<V1alpha1Service>(names.Namespace, "web", s =>
        {
            s.Spec.LaunchType = "FARGATE";
            s.Spec.DeploymentController = new() { Type = "CODE_DEPLOY" };
        });
        var invalid = await stack.Objects.WaitConditionAsync<V1alpha1Service>(names.Namespace, "web", ConditionTypes.Stalled, "InvalidSpec");
        Assert.Contains("spec.deploymentController.type", KubeObjects.Condition(invalid, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Equal(mutationsBefore, MutatingCalls());
        Assert.Equal("FARGATE", (await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName))!.LaunchType);
    }

    [Fact]
    public async Task Restarted_at_makes_exactly_one_forced_deployment()
    {
        var names = await ApplyStackAsync("svc-restart");
        var ready = await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout);
        var primary = ready.Status.Deployments!.Single(d => d.Status == "PRIMARY").Id;
        var updates = stack.Proxy.Stats.For("ecs", "UpdateService").Calls;

        await stack.Objects.UpdateAsync<V1alpha1Service>(names.Namespace, "web", s => s.Metadata.Annotations = new Dictionary<string, string> { [WellKnown.RestartedAtAnnotation] = "1700000000" });

        var restarted = await stack.Objects.WaitForAsync<V1alpha1Service>(names.Namespace, "web",
            s => KubeObjects.IsReady(s) && s.Status.Deployments?.Single(d => d.Status == "PRIMARY").Id != primary, "a new PRIMARY deployment, completed", RolloutTimeout);
        Assert.Equal("1700000000", restarted.Status.RestartedAt?.Value);
        Assert.Equal(updates + 1, stack.Proxy.Stats.For("ecs", "UpdateService").Calls);

        // Re-applying the same value does nothing.
        await stack.Objects.UpdateAsync<V1alpha1Service>(names.Namespace, "web", s => s.Metadata.Annotations!["touch"] = "1");
        await WaitForServiceResyncAsync();
        Assert.Equal(updates + 1, stack.Proxy.Stats.For("ecs", "UpdateService").Calls);
    }

    [Fact]
    public async Task A_service_created_with_restartedAt_already_set_starts_no_extra_deployment()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("svc-born-restarted"));
        var names = new ServiceStack(ns, TestNames.Unique("svc-cl"), TestNames.Unique("svc-td"), TestNames.Unique("svc"));
        await stack.Objects.CreateAsync(names.Cluster());
        await stack.Objects.CreateAsync(names.TaskDefinition());
        await stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(ns, "web");
        var service = names.Service();
        service.Metadata.Annotations = new Dictionary<string, string> { [WellKnown.RestartedAtAnnotation] = "1700000000" };

        // The earlier tests' Services are at rest (no UpdateService), so every UpdateService from here on is this one's.
        var updates = stack.Proxy.Stats.For("ecs", "UpdateService").Calls;
        await stack.Objects.CreateAsync(service);
        var ready = await stack.Objects.WaitReadyAsync<V1alpha1Service>(ns, "web", RolloutTimeout);
        await WaitForServiceResyncAsync();

        Assert.Equal(updates, stack.Proxy.Stats.For("ecs", "UpdateService").Calls);
        var inAws = await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName);
        Assert.Equal([ready.Status.Deployments!.Single().Id], inAws!.Deployments!.Select(d => d.Id));
        Assert.Equal("1700000000", (await stack.Objects.GetAsync<V1alpha1Service>(ns, "web"))!.Status.RestartedAt?.Value);
    }

    [Fact]
    public async Task Deleting_the_whole_stack_at_once_tears_down_in_order_and_leaves_nothing()
    {
        var names = await ApplyStackAsync("svc-delete");
        await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout);
        var mark = Journal.Mark(stack.Proxy);

        await stack.Objects.DeleteAsync<V1alpha1Cluster>(names.Namespace, "demo");
        await stack.Objects.DeleteAsync<V1alpha1TaskDefinition>(names.Namespace, "web");
        await stack.Objects.DeleteAsync<V1alpha1Service>(names.Namespace, "web");

        await stack.Objects.WaitGoneAsync<V1alpha1Service>(names.Namespace, "web");
        await stack.Objects.WaitGoneAsync<V1alpha1TaskDefinition>(names.Namespace, "web");
        await stack.Objects.WaitGoneAsync<V1alpha1Cluster>(names.Namespace, "demo");
        var service = await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName);
        Assert.True(service is null || service.Status == "INACTIVE", $"service is {service?.Status}");
        Assert.Empty(await stack.Ecs.RevisionArnsAsync(names.Family));
        Assert.Equal("INACTIVE", (await stack.Ecs.ClusterAsync(names.ClusterName))?.Status);
        foreach (var kind in new[] { "web", "demo" })
        {
            var reasons = await stack.Objects.EventReasonsAsync(names.Namespace, kind, "none-expected");
            Assert.DoesNotContain(reasons, r => ConditionReasons.Stalled.Contains(r));
        }

        AssertTornDownInDependencyOrder(mark);
    }

    /// <summary>
    /// After the mark: the service was deleted before any revision was deregistered and before the cluster was
    /// deleted, and ECS refused no DeleteCluster (the Cluster waited for the DRAINING service instead of trying).
    /// </summary>
    private void AssertTornDownInDependencyOrder(long mark)
    {
        var calls = stack.Proxy.Stats.Journal().Where(c => c.Sequence > mark && c.Service == "ecs").ToList();
        var refused = calls.Where(c => c.Operation == "DeleteCluster" && c.ClientStatus is not (>= 200 and < 300)).Select(c => c.ClientStatus).ToList();
        Assert.True(refused.Count == 0, $"DeleteCluster answered {string.Join(", ", refused)} before it succeeded");
        var ok = calls.Where(c => c.ClientStatus is >= 200 and < 300).ToList();
        var serviceDeleted = ok.FindIndex(c => c.Operation == "DeleteService");
        var deregistered = ok.FindIndex(c => c.Operation == "DeregisterTaskDefinition");
        var clusterDeleted = ok.FindIndex(c => c.Operation == "DeleteCluster");
        Assert.True(serviceDeleted >= 0 && serviceDeleted < deregistered && serviceDeleted < clusterDeleted,
            $"successful calls in order: DeleteService {serviceDeleted}, DeregisterTaskDefinition {deregistered}, DeleteCluster {clusterDeleted}");
    }

    /// <summary>
    /// One whole Service resync after now: the service controller started another sweep, and its reconciles grew by
    /// the number of Services. Every Service, this test's included, was reconciled at least once since.
    /// </summary>
    private async Task WaitForServiceResyncAsync()
    {
        var list = await stack.Objects.Client.CustomObjects.ListCustomObjectForAllNamespacesAsync(EntityGroup.Group, EntityGroup.Version, V1alpha1Service.Plural, cancellationToken: TestContext.Current.CancellationToken);
        var services = ((System.Text.Json.JsonElement)list).GetProperty("items").GetArrayLength();
        var sweeps = await stack.MetricAsync("ecs_operator_resync_sweeps_total", ("controller", "service"));
        var reconciles = await stack.MetricAsync("controller_runtime_reconcile_total", ("controller", "service"));
        Assert.True(
            await Eventually.TrueAsync(
                async () => await stack.MetricAsync("ecs_operator_resync_sweeps_total", ("controller", "service")) >= sweeps + 1
                    && await stack.MetricAsync("controller_runtime_reconcile_total", ("controller", "service")) >= reconciles + services,
                RolloutTimeout),
            $"no whole resync of the {services} Services");
    }

    /// <summary>
    /// The states the Service's status passes through ("family:revision rolloutState Ready-or-reason"), read from a watch
    /// opened before <paramref name="change"/>, so that no state is missed, until <paramref name="done"/>.
    /// </summary>
    private async Task<List<string>> WatchRolloutAsync(string ns, Func<Task> change, Func<V1alpha1Service, bool> done)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(RolloutTimeout);
        var current = await stack.Objects.GetAsync<V1alpha1Service>(ns, "web");
        var watch = stack.Objects.Client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            EntityGroup.Group, EntityGroup.Version, ns, V1alpha1Service.Plural, fieldSelector: "metadata.name=web",
            resourceVersion: current!.Metadata.ResourceVersion, cancellationToken: timeout.Token);
        await change();
        var states = new List<string>();
        await foreach (var (_, item) in watch)
        {
            var obj = KubernetesJson.Deserialize<V1alpha1Service>(KubernetesJson.Serialize(item));
            var condition = KubeObjects.IsReady(obj) ? "Ready" : KubeObjects.Condition(obj, ConditionTypes.Reconciling)?.Reason ?? KubeObjects.Condition(obj, ConditionTypes.Stalled)?.Reason;
            var state = $"{obj.Status.TaskDefinitionRevision} {obj.Status.RolloutState} {condition}";
            if (states.Count == 0 || states[^1] != state)
            {
                states.Add(state);
            }

            if (done(obj))
            {
                return states;
            }
        }

        Assert.Fail($"the watch ended before the rollout did: {string.Join(" -> ", states)}");
        return states;
    }

    /// <summary>AWS calls that change something (every operation but Describe*, List*, Get*), by operation.</summary>
    private Dictionary<string, long> MutatingCalls() => stack.Proxy.Stats.Operations()
        .Where(o => !o.Operation.StartsWith("Describe", StringComparison.Ordinal) && !o.Operation.StartsWith("List", StringComparison.Ordinal) && !o.Operation.StartsWith("Get", StringComparison.Ordinal))
        .ToDictionary(o => $"{o.Service}:{o.Operation}", o => o.Calls);

    /// <summary>The spec as a user wrote it, minus what is not an ECS service field (references, the tags map, the name).</summary>
    private static JsonObject SpecAsEcsFields(ServiceSpec spec)
    {
        var json = (JsonObject)JsonNode.Parse(KubernetesJson.Serialize(spec))!;
        foreach (var field in new[] { "clusterRef", "taskDefinitionRef", "serviceName", "tags", "deletionPolicy" })
        {
            json.Remove(field);
        }

        return json;
    }

    /// <summary>Where <paramref name="actual"/> lacks or differs from what <paramref name="wanted"/> sets; lists as sets, since ECS may reorder them.</summary>
    private static IEnumerable<string> Differences(JsonNode? wanted, JsonNode? actual, string path) => wanted switch
    {
        null => [],
        JsonObject fields => fields.SelectMany(f => Differences(f.Value, (actual as JsonObject)?[f.Key], $"{path}.{f.Key}")),
        JsonArray items when actual is JsonArray found && items.Count == found.Count && items.All(i => found.Any(a => !Differences(i, a, path).Any())) => [],
        _ when wanted is not JsonArray && JsonNode.DeepEquals(wanted, actual) => [],
        _ => [$"{path}: {wanted.ToJsonString()} in the spec, {actual?.ToJsonString() ?? "nothing"} in ECS"],
    };
}

using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Testing;
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
        var names = await ApplyStackAsync("svc-stack");

        var ready = await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout);

        var td = await stack.Objects.GetAsync<V1alpha1TaskDefinition>(names.Namespace, "web");
        var service = await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName);
        Assert.NotNull(service);
        Assert.Equal(("ACTIVE", 2, 2), (service.Status, service.DesiredCount, service.RunningCount));
        Assert.Equal(td!.Status.Arn, service.TaskDefinition);
        Assert.Equal("FARGATE", service.LaunchType);
        Assert.Equal(["subnet-a", "subnet-b"], service.NetworkConfiguration!.AwsvpcConfiguration!.Subnets!.Order());
        Assert.True(service.DeploymentConfiguration!.DeploymentCircuitBreaker!.Enable);
        Assert.Equal(30, service.HealthCheckGracePeriodSeconds);
        Assert.Equal("SERVICE", service.PropagateTags);
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

        await stack.Objects.UpdateAsync<V1alpha1TaskDefinition>(names.Namespace, "web", td => td.Spec.ContainerDefinitions[0].Image = "nginx:1.28");

        var rolled = await stack.Objects.WaitForAsync<V1alpha1Service>(names.Namespace, "web",
            s => KubeObjects.IsReady(s) && s.Status.TaskDefinitionRevision == $"{names.Family}:2", "rolled to revision 2", RolloutTimeout);
        Assert.Equal(first.Metadata.Generation, rolled.Metadata.Generation);
        var service = await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName);
        Assert.EndsWith($"{names.Family}:2", service!.TaskDefinition, StringComparison.Ordinal);
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
        var updatesAfterRollback = stack.Proxy.Stats.For("ecs", "UpdateService").Calls;
        await stack.Objects.UpdateAsync<V1alpha1Service>(names.Namespace, "web", s => s.Metadata.Annotations = new Dictionary<string, string> { ["touch"] = "1" });
        await stack.Objects.WaitForAsync<V1alpha1Service>(names.Namespace, "web",
            s => KubeObjects.Condition(s, ConditionTypes.Stalled)?.Reason == "RolloutFailed" && s.Status.ObservedGeneration == s.Metadata.Generation, "still stalled after a requeue");
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
        var updates = stack.Proxy.Stats.For("ecs", "UpdateService").Calls;

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
        Assert.Equal(updates, stack.Proxy.Stats.For("ecs", "UpdateService").Calls);
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
        await stack.Objects.WaitForAsync<V1alpha1Service>(names.Namespace, "web", s => s.Metadata.Annotations!.ContainsKey("touch") && KubeObjects.IsReady(s), "reconciled after the touch");
        Assert.Equal(updates + 1, stack.Proxy.Stats.For("ecs", "UpdateService").Calls);
    }

    [Fact]
    public async Task Deleting_the_whole_stack_at_once_tears_down_in_order_and_leaves_nothing()
    {
        var names = await ApplyStackAsync("svc-delete");
        await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout);

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
    }
}

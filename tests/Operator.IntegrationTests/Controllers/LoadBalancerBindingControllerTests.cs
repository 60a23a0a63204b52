using AwsFaultProxy;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.Runtime.Status;
using EcsOperator.Testing;
using Xunit;
using static EcsOperator.IntegrationTests.Controllers.LoadBalancerBindings;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// The LoadBalancerBinding controller against LocalKube and moto: each test seeds its own VPC, ALB and listener, and
/// uses its own namespace. The real Service controller attaches the bindings (behind the proxy's ECS front).
/// </summary>
public sealed class LoadBalancerBindingControllerTests(OperatorStack stack) : IClassFixture<OperatorStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Ns, MotoSeed Seed)> ArrangeAsync(string prefix)
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique(prefix));
        var seed = await MotoSeed.CreateAsync(stack.Moto, Ct);
        await CreateServiceAsync(stack, ns);
        return (ns, seed);
    }

    [Fact]
    public async Task An_owned_target_group_and_rule_are_created_then_torn_down_after_the_service_drops_them()
    {
        var (ns, seed) = await ArrangeAsync("lbb-owned");
        var binding = await stack.Objects.CreateAsync(Owned(ns, seed));

        var waiting = await PublishedAsync(stack, ns);
        var arn = waiting.Status.TargetGroupArn!;
        var group = (await TargetGroupAsync(stack.Elb, arn))!;
        Assert.Equal(DerivedName(ns, "web", binding.Spec.TargetGroup!), group.TargetGroupName);
        Assert.Equal(("/healthz", 15, 3, "200-399"), (group.HealthCheckPath, group.HealthCheckIntervalSeconds, group.HealthyThresholdCount, group.Matcher?.HttpCode));
        Assert.Equal([seed.LoadBalancerArn], waiting.Status.LoadBalancerArns);
        var attributes = await AttributesAsync(stack.Elb, arn);
        Assert.Equal(("5", "true", "60"), (attributes["deregistration_delay.timeout_seconds"], attributes["stickiness.enabled"], attributes["stickiness.lb_cookie.duration_seconds"]));
        var tags = await TagsAsync(stack.Elb, arn);
        Assert.Equal(("web", $"{ns}/LoadBalancerBinding/web", OperatorStack.ClusterId), (tags["app"], tags[WellKnown.OwnerTag], tags[WellKnown.ClusterIdTag]));
        var rule = Assert.Single(await RulesAsync(stack.Elb, seed.ListenerArn));
        Assert.Equal((waiting.Status.ListenerRuleArn, "10"), (rule.RuleArn, rule.Priority));
        Assert.Equal(["host-header", "http-header", "path-pattern"], rule.Conditions!.Select(c => c.Field).Order());
        Assert.Equal([arn], rule.Actions!.Select(a => a.TargetGroupArn));

        await ReportServiceAsync(stack, ns, arn);
        await stack.Objects.WaitReadyAsync<V1alpha1LoadBalancerBinding>(ns, "web");

        var deleting = Journal.Mark(stack.Proxy);
        await DeleteWhileTheServiceRollsOffAsync(ns);
        await stack.Objects.WaitGoneAsync<V1alpha1LoadBalancerBinding>(ns, "web");
        await ReportServiceAsync(stack, ns);

        Journal.AssertServiceDroppedBeforeTargetGroupDeleted(stack.Proxy, deleting);
        Assert.Null(await TargetGroupAsync(stack.Elb, arn));
        Assert.Empty(await RulesAsync(stack.Elb, seed.ListenerArn));
    }

    /// <summary>
    /// Deletes the binding while the answer to the Service's UpdateService that drops it is held in the proxy: the
    /// binding must report that it waits for the Service, having changed nothing in ELBv2, before the rollout goes on.
    /// </summary>
    private async Task DeleteWhileTheServiceRollsOffAsync(string ns)
    {
        var mark = Journal.Mark(stack.Proxy);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = stack.Proxy.Holds.OnHeld(call => held.TrySetResult());
        var hold = stack.Proxy.Rules.Add(FaultRule.HoldResponse(AwsServices.Ecs, "UpdateService") with { FirstCalls = 1 });
        try
        {
            await stack.Objects.DeleteAsync<V1alpha1LoadBalancerBinding>(ns, "web");
            await held.Task.WaitAsync(KubeObjects.DefaultTimeout, Ct);
            await stack.Objects.WaitConditionAsync<V1alpha1LoadBalancerBinding>(ns, "web", ConditionTypes.Reconciling, ConditionReasons.WaitingForService);
            Journal.AssertNoElbv2ChangeSince(stack.Proxy, mark);
        }
        finally
        {
            stack.Proxy.Rules.Remove(hold);
            stack.Proxy.Holds.Release();
        }
    }

    [Fact]
    public async Task A_taken_priority_is_stalled_naming_the_rule_that_holds_it_and_a_new_priority_makes_it_ready()
    {
        var (ns, seed) = await ArrangeAsync("lbb-prio");
        var other = (await stack.Elb.CreateRuleAsync(new Elb.CreateRuleRequest
        {
            ListenerArn = seed.ListenerArn,
            Priority = 10,
            Conditions = [new() { Field = "path-pattern", PathPatternConfig = new() { Values = ["/other/*"] } }],
            Actions = [new() { Type = "fixed-response", FixedResponseConfig = new() { StatusCode = "404" } }],
        }, Ct)).Rules![0].RuleArn!;
        await stack.Objects.CreateAsync(Owned(ns, seed, priority: 10));

        var stalled = await stack.Objects.WaitConditionAsync<V1alpha1LoadBalancerBinding>(ns, "web", ConditionTypes.Stalled, ConditionReasons.PriorityInUse);
        Assert.Contains(other, KubeObjects.Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);

        await stack.Objects.UpdateAsync<V1alpha1LoadBalancerBinding>(ns, "web", b => b.Spec.Listener!.Priority = 11);
        var ready = await AttachAsync(stack, ns);

        var rules = await RulesAsync(stack.Elb, seed.ListenerArn);
        Assert.Equal("11", rules.Single(r => r.RuleArn == ready.Status.ListenerRuleArn).Priority);
        Assert.Equal(2, rules.Count);
    }

    [Fact]
    public async Task A_port_change_replaces_the_target_group_repoints_the_rule_and_deletes_the_old_group_once_the_service_moved()
    {
        var (ns, seed) = await ArrangeAsync("lbb-port");
        await stack.Objects.CreateAsync(Owned(ns, seed));
        var first = await AttachAsync(stack, ns);
        var oldArn = first.Status.TargetGroupArn!;
        var replacing = Journal.Mark(stack.Proxy);

        await stack.Objects.UpdateAsync<V1alpha1LoadBalancerBinding>(ns, "web", b => b.Spec.TargetGroup!.Port = 8080);
        var moved = await stack.Objects.WaitForAsync<V1alpha1LoadBalancerBinding>(ns, "web", b => b.Status.TargetGroupArn is { } arn && arn != oldArn, "on a new target group");
        var newArn = moved.Status.TargetGroupArn!;
        Assert.Equal(8080, (await TargetGroupAsync(stack.Elb, newArn))!.Port);
        Assert.Equal([newArn], Assert.Single(await RulesAsync(stack.Elb, seed.ListenerArn)).Actions!.Select(a => a.TargetGroupArn));

        await ReportServiceAsync(stack, ns, newArn);
        await stack.Objects.WaitForAsync<V1alpha1LoadBalancerBinding>(ns, "web", b => KubeObjects.IsReady(b) && b.Status.RetiredTargetGroupArns is null, "Ready with the old group retired");

        Journal.AssertServiceDroppedBeforeTargetGroupDeleted(stack.Proxy, replacing);
        Assert.Null(await TargetGroupAsync(stack.Elb, oldArn));
    }

    [Fact]
    public async Task A_container_port_the_task_definition_lacks_is_stalled_before_any_aws_call()
    {
        var (ns, seed) = await ArrangeAsync("lbb-port-bad");
        var binding = Owned(ns, seed, change: s => s.ContainerPort = 8081);
        var creating = Journal.Mark(stack.Proxy);
        await stack.Objects.CreateAsync(binding);

        var stalled = await stack.Objects.WaitConditionAsync<V1alpha1LoadBalancerBinding>(ns, "web", ConditionTypes.Stalled, ConditionReasons.InvalidSpec);

        Assert.Contains("spec.containerPort", KubeObjects.Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Null(stalled.Status.TargetGroupArn);
        await Assert.ThrowsAsync<Elb.TargetGroupNotFoundException>(() =>
            stack.Elb.DescribeTargetGroupsAsync(new Elb.DescribeTargetGroupsRequest { Names = [DerivedName(ns, "web", binding.Spec.TargetGroup!)] }, Ct));
        Assert.Empty(await RulesAsync(stack.Elb, seed.ListenerArn));
        Journal.AssertNoElbv2ChangeSince(stack.Proxy, creating);
    }

    [Fact]
    public async Task An_existing_target_group_is_bound_and_left_in_place_after_delete()
    {
        var (ns, seed) = await ArrangeAsync("lbb-existing");
        var existing = (await stack.Elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest
        {
            Name = TestNames.Unique("existing"),
            Protocol = "HTTP",
            Port = 80,
            VpcId = seed.VpcId,
            TargetType = "ip",
        }, Ct)).TargetGroups![0].TargetGroupArn!;
        await stack.Objects.CreateAsync(Owned(ns, seed, change: s =>
        {
            s.TargetGroup = null;
            s.TargetGroupArn = existing;
        }));

        var ready = await AttachAsync(stack, ns);
        Assert.Equal(existing, ready.Status.TargetGroupArn);
        await stack.Objects.DeleteAsync<V1alpha1LoadBalancerBinding>(ns, "web");
        await stack.Objects.WaitGoneAsync<V1alpha1LoadBalancerBinding>(ns, "web");
        await ReportServiceAsync(stack, ns);

        Assert.NotNull(await TargetGroupAsync(stack.Elb, existing));
        Assert.Empty(await RulesAsync(stack.Elb, seed.ListenerArn));
    }

    [Fact]
    public async Task Retain_keeps_the_target_group_and_rule_while_the_service_drops_the_binding()
    {
        var (ns, seed) = await ArrangeAsync("lbb-retain");
        await stack.Objects.CreateAsync(Owned(ns, seed, change: s => s.DeletionPolicy = DeletionPolicy.Retain));
        var ready = await AttachAsync(stack, ns);

        await stack.Objects.DeleteAsync<V1alpha1LoadBalancerBinding>(ns, "web");
        await stack.Objects.WaitGoneAsync<V1alpha1LoadBalancerBinding>(ns, "web");
        await ReportServiceAsync(stack, ns);

        Assert.NotNull(await TargetGroupAsync(stack.Elb, ready.Status.TargetGroupArn!));
        Assert.Equal(ready.Status.ListenerRuleArn, Assert.Single(await RulesAsync(stack.Elb, seed.ListenerArn)).RuleArn);
    }

    [Fact]
    public async Task Two_bindings_on_one_service_both_stick_and_deleting_one_leaves_the_other()
    {
        var (ns, seed) = await ArrangeAsync("lbb-two");
        await stack.Objects.CreateAsync(Owned(ns, seed, name: "web", priority: 10));
        await stack.Objects.CreateAsync(Owned(ns, seed, name: "api", priority: 20, change: s => s.Listener!.PathPatterns = ["/api/*"]));
        var web = await stack.Objects.WaitForAsync<V1alpha1LoadBalancerBinding>(ns, "web", b => b.Status.LoadBalancerArns is { Count: > 0 }, "attached");
        var api = await stack.Objects.WaitForAsync<V1alpha1LoadBalancerBinding>(ns, "api", b => b.Status.LoadBalancerArns is { Count: > 0 }, "attached");
        await ReportServiceAsync(stack, ns, web.Status.TargetGroupArn!, api.Status.TargetGroupArn!);
        await stack.Objects.WaitReadyAsync<V1alpha1LoadBalancerBinding>(ns, "web");
        await stack.Objects.WaitReadyAsync<V1alpha1LoadBalancerBinding>(ns, "api");

        await stack.Objects.DeleteAsync<V1alpha1LoadBalancerBinding>(ns, "api");
        await ReportServiceAsync(stack, ns, web.Status.TargetGroupArn!);
        await stack.Objects.WaitGoneAsync<V1alpha1LoadBalancerBinding>(ns, "api");

        Assert.Null(await TargetGroupAsync(stack.Elb, api.Status.TargetGroupArn!));
        Assert.Equal(web.Status.ListenerRuleArn, Assert.Single(await RulesAsync(stack.Elb, seed.ListenerArn)).RuleArn);
        Assert.NotNull(await TargetGroupAsync(stack.Elb, web.Status.TargetGroupArn!));
        Assert.True(KubeObjects.IsReady((await stack.Objects.GetAsync<V1alpha1LoadBalancerBinding>(ns, "web"))!));
    }

    [Fact]
    public async Task A_rule_and_a_target_group_changed_out_of_band_are_reverted_on_resync_with_an_event()
    {
        var (ns, seed) = await ArrangeAsync("lbb-drift");
        await stack.Objects.CreateAsync(Owned(ns, seed));
        var ready = await AttachAsync(stack, ns);
        var arn = ready.Status.TargetGroupArn!;

        await stack.Elb.ModifyTargetGroupAsync(new Elb.ModifyTargetGroupRequest { TargetGroupArn = arn, HealthCheckPath = "/console-edit" }, Ct);
        await stack.Elb.SetRulePrioritiesAsync(new Elb.SetRulePrioritiesRequest { RulePriorities = [new() { RuleArn = ready.Status.ListenerRuleArn, Priority = 99 }] }, Ct);

        Assert.Contains("DriftCorrected", await stack.Objects.EventReasonsAsync(ns, "web", "DriftCorrected", TimeSpan.FromSeconds(60)));
        await Eventually.TrueAsync(async () => (await RulesAsync(stack.Elb, seed.ListenerArn)).Single().Priority == "10", KubeObjects.DefaultTimeout);
        Assert.Equal("10", Assert.Single(await RulesAsync(stack.Elb, seed.ListenerArn)).Priority);
        Assert.Equal("/healthz", (await TargetGroupAsync(stack.Elb, arn))!.HealthCheckPath);
    }
}

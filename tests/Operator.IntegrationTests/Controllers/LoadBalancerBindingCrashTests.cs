using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.Testing;
using Xunit;
using static EcsOperator.IntegrationTests.Controllers.LoadBalancerBindings;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// A kill between CreateRule and the status write must not leave a second rule (or a false PriorityInUse against its
/// own rule) after a restart. Its own stack, because it stops and restarts the operator.
/// </summary>
public sealed class LoadBalancerBindingCrashTests(OperatorStack stack) : IClassFixture<OperatorStack>
{
    [Fact]
    public async Task A_kill_right_after_CreateRule_ends_with_exactly_one_rule()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("lbb-crash"));
        var seed = await MotoSeed.CreateAsync(stack.Moto, TestContext.Current.CancellationToken);
        await CreateServiceAsync(stack, ns);

        await CrashPoint.KillAfterAsync(stack, "elbv2", "CreateRule", () => stack.Objects.CreateAsync(Owned(ns, seed)));
        Assert.Null((await stack.Objects.GetAsync<V1alpha1LoadBalancerBinding>(ns, "web"))!.Status.ListenerRuleArn);
        Assert.Single(await RulesAsync(stack.Elb, seed.ListenerArn));

        await stack.StartOperatorAsync();
        var ready = await AttachAsync(stack, ns);

        Assert.Equal(ready.Status.ListenerRuleArn, Assert.Single(await RulesAsync(stack.Elb, seed.ListenerArn)).RuleArn);
    }
}

using EcsOperator.Aws;
using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.Runtime;
using EcsOperator.Testing;
using Microsoft.Extensions.DependencyInjection;
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
        await stack.StopOperatorAsync();
        CrashAfterCreateRule? control = null;
        await stack.StartOperatorAsync(services =>
        {
            // The frozen reconcile never finishes: don't wait the default drain time for it on stop.
            var runtime = (OperatorRuntimeOptions)services.Last(d => d.ServiceType == typeof(OperatorRuntimeOptions)).ImplementationInstance!;
            runtime.ShutdownTimeout = TimeSpan.FromSeconds(1);
            services.AddSingleton(sp =>
            {
                var (api, crash) = CrashAfterCreateRule.Wrap(sp.GetRequiredService<AwsClientFactory>().CreateElbv2());
                control = crash;
                return api;
            });
        });
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("lbb-crash"));
        var seed = await MotoSeed.CreateAsync(stack.Moto, TestContext.Current.CancellationToken);
        await CreateServiceAsync(stack, ns);
        await stack.Objects.CreateAsync(Owned(ns, seed));

        await WaitForCreateRuleAsync(() => control);
        await stack.StopOperatorAsync();
        Assert.Null((await stack.Objects.GetAsync<V1alpha1LoadBalancerBinding>(ns, "web"))!.Status.ListenerRuleArn);
        Assert.Single(await RulesAsync(stack.Elb, seed.ListenerArn));

        await stack.StartOperatorAsync();
        var ready = await AttachAsync(stack, ns);

        Assert.Equal(ready.Status.ListenerRuleArn, Assert.Single(await RulesAsync(stack.Elb, seed.ListenerArn)).RuleArn);
    }

    private static async Task WaitForCreateRuleAsync(Func<CrashAfterCreateRule?> control)
    {
        var deadline = DateTime.UtcNow + KubeObjects.DefaultTimeout;
        while (control() is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.NotNull(control());
        await control()!.Created.Task.WaitAsync(KubeObjects.DefaultTimeout, TestContext.Current.CancellationToken);
    }
}

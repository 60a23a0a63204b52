using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Entities;
using EcsOperator.Runtime;
using EcsOperator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// RegisterTaskDefinition is not idempotent: the operator must find the revision a dead predecessor registered
/// instead of registering a second one. Its own stack, because it stops and restarts the operator.
/// </summary>
public sealed class TaskDefinitionCrashTests(OperatorStack stack) : IClassFixture<OperatorStack>
{
    [Fact]
    public async Task A_kill_between_register_and_status_write_leaves_exactly_one_revision_after_restart()
    {
        await stack.StopOperatorAsync();
        CrashAfterRegister? control = null;
        await stack.StartOperatorAsync(services =>
        {
            // The frozen reconcile never finishes: don't wait the default drain time for it on stop.
            var runtime = (OperatorRuntimeOptions)services.Last(d => d.ServiceType == typeof(OperatorRuntimeOptions)).ImplementationInstance!;
            runtime.ShutdownTimeout = TimeSpan.FromSeconds(1);
            services.AddSingleton(sp =>
            {
                var (api, crash) = CrashAfterRegister.Wrap(sp.GetRequiredService<AwsClientFactory>().CreateEcs());
                control = crash;
                return api;
            });
        });
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("td-crash"));
        var family = TestNames.Unique("web");
        await stack.Objects.CreateAsync(TaskDefinitions.Web(ns, family));

        await WaitForRegistrationAsync(() => control);
        await stack.StopOperatorAsync();
        var frozen = await stack.Objects.GetAsync<V1alpha1TaskDefinition>(ns, "web");
        Assert.Null(frozen!.Status.Arn);
        Assert.Single(await stack.Ecs.RevisionArnsAsync(family));

        await stack.StartOperatorAsync();
        var ready = await stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(ns, "web");

        Assert.Equal(ready.Status.Arn, Assert.Single(await stack.Ecs.RevisionArnsAsync(family)));
        Assert.Equal(1, ready.Status.Revision);
    }

    private static async Task WaitForRegistrationAsync(Func<CrashAfterRegister?> control)
    {
        var deadline = DateTime.UtcNow + KubeObjects.DefaultTimeout;
        while (control() is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.NotNull(control());
        await control()!.Registered.Task.WaitAsync(KubeObjects.DefaultTimeout, TestContext.Current.CancellationToken);
    }
}

using EcsOperator.Entities;
using EcsOperator.Testing;
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
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("td-crash"));
        var family = TestNames.Unique("web");

        await CrashPoint.KillAfterAsync(stack, "ecs", "RegisterTaskDefinition", () => stack.Objects.CreateAsync(TaskDefinitions.Web(ns, family)));
        var frozen = await stack.Objects.GetAsync<V1alpha1TaskDefinition>(ns, "web");
        Assert.Null(frozen!.Status.Arn);
        Assert.Single(await stack.Ecs.RevisionArnsAsync(family));

        await stack.StartOperatorAsync();
        var ready = await stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(ns, "web");

        Assert.Equal(ready.Status.Arn, Assert.Single(await stack.Ecs.RevisionArnsAsync(family)));
        Assert.Equal(1, ready.Status.Revision);
    }
}

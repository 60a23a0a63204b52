using EcsOperator.Entities;
using EcsOperator.Testing;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;
using Iam = EcsOperator.Aws.Iam.Model;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>Issue 7's TaskDefinition acceptance lines, against LocalKube + moto with the operator running in-process.</summary>
public sealed class TaskDefinitionControllerTests(OperatorStack stack) : IClassFixture<OperatorStack>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Applied_task_definition_registers_one_revision_tagged_as_its_own()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("td-create"));
        var family = TestNames.Unique("web");
        await stack.Objects.CreateAsync(TaskDefinitions.Web(ns, family));

        var ready = await stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(ns, "web");

        var arns = await stack.Ecs.RevisionArnsAsync(family);
        Assert.Equal(ready.Status.Arn, Assert.Single(arns));
        Assert.Equal((family, 1, 1), (ready.Status.Family, ready.Status.Revision, ready.Status.ActiveRevisions));
        var revision = await stack.Ecs.RevisionAsync(ready.Status.Arn!);
        Assert.Equal("ACTIVE", revision.TaskDefinition!.Status);
        Assert.Equal(("256", "512", "awsvpc"), (revision.TaskDefinition.Cpu, revision.TaskDefinition.Memory, revision.TaskDefinition.NetworkMode));
        Assert.Equal("nginx:1.27", Assert.Single(revision.TaskDefinition.ContainerDefinitions!).Image);
        var tags = revision.Tags.TagMap();
        Assert.Equal("web", tags["app"]);
        Assert.Equal($"{ns}/TaskDefinition/web", tags[WellKnown.OwnerTag]);
        Assert.Equal(OperatorStack.ClusterId, tags[WellKnown.ClusterIdTag]);
        Assert.Matches("^[0-9a-f]{32}$", tags[WellKnown.Prefix + "spec-hash"]);
        Assert.Contains("RevisionRegistered", await stack.Objects.EventReasonsAsync(ns, "web", "RevisionRegistered"));
    }

    [Fact]
    public async Task Editing_registers_a_new_revision_reverting_reuses_the_old_one_and_reordering_env_registers_nothing()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("td-update"));
        var family = TestNames.Unique("web");
        await stack.Objects.CreateAsync(TaskDefinitions.Web(ns, family, "nginx:1.27"));
        await stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(ns, "web");

        var b = await EditAndWaitAsync(ns, td => td.Spec.ContainerDefinitions[0].Image = "nginx:1.28");
        Assert.Equal(2, b.Status.Revision);
        Assert.Equal("nginx:1.28", Assert.Single((await stack.Ecs.RevisionAsync(b.Status.Arn!)).TaskDefinition!.ContainerDefinitions!).Image);

        var a = await EditAndWaitAsync(ns, td => td.Spec.ContainerDefinitions[0].Image = "nginx:1.27");
        Assert.Equal(1, a.Status.Revision);

        var reordered = await EditAndWaitAsync(ns, td => td.Spec.ContainerDefinitions[0].Environment = [.. td.Spec.ContainerDefinitions[0].Environment!.Reverse()]);
        Assert.Equal(1, reordered.Status.Revision);
        Assert.Equal(2, (await stack.Ecs.RevisionArnsAsync(family)).Count);
        Assert.Equal(reordered.Metadata.Generation, reordered.Status.ObservedGeneration);
    }

    [Fact]
    public async Task History_limit_retires_the_least_recently_used_revision_and_never_touches_a_foreign_one()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("td-history"));
        var family = TestNames.Unique("web");
        var foreign = await stack.Ecs.RegisterTaskDefinitionAsync(new Ecs.RegisterTaskDefinitionRequest { Family = family, Memory = "512", ContainerDefinitions = [new Ecs.ContainerDefinition { Name = "other", Image = "busybox" }] }, Token);
        await stack.Objects.CreateAsync(TaskDefinitions.Web(ns, family, "nginx:1", s => s.RevisionHistoryLimit = 2));
        var first = await stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(ns, "web");

        await EditAndWaitAsync(ns, td => td.Spec.ContainerDefinitions[0].Image = "nginx:2");
        await EditAndWaitAsync(ns, td => td.Spec.ContainerDefinitions[0].Image = "nginx:1");
        var last = await EditAndWaitAsync(ns, td => td.Spec.ContainerDefinitions[0].Image = "nginx:3");

        // Used: nginx:1, nginx:2, nginx:1, nginx:3 → keep nginx:3 and nginx:1; nginx:2 is the least recently used.
        var active = await stack.Ecs.RevisionArnsAsync(family);
        Assert.Equal(2, last.Status.ActiveRevisions);
        Assert.Contains(foreign.TaskDefinition!.TaskDefinitionArn, active);
        Assert.Contains(first.Status.Arn, active);
        Assert.Contains(last.Status.Arn, active);
        Assert.Equal(3, active.Count);
        Assert.NotEqual(foreign.TaskDefinition.TaskDefinitionArn, last.Status.Arn);
    }

    [Fact]
    public async Task Deleting_the_object_retires_every_revision_it_registered_and_only_those()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("td-delete"));
        var family = TestNames.Unique("web");
        await stack.Objects.CreateAsync(TaskDefinitions.Web(ns, family, "nginx:1"));
        await stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(ns, "web");
        await EditAndWaitAsync(ns, td => td.Spec.ContainerDefinitions[0].Image = "nginx:2");
        var foreign = await stack.Ecs.RegisterTaskDefinitionAsync(new Ecs.RegisterTaskDefinitionRequest { Family = family, Memory = "512", ContainerDefinitions = [new Ecs.ContainerDefinition { Name = "other", Image = "busybox" }] }, Token);

        await stack.Objects.DeleteAsync<V1alpha1TaskDefinition>(ns, "web");
        await stack.Objects.WaitGoneAsync<V1alpha1TaskDefinition>(ns, "web");

        Assert.Equal([foreign.TaskDefinition!.TaskDefinitionArn!], await stack.Ecs.RevisionArnsAsync(family));
    }

    [Fact]
    public async Task Retain_leaves_the_revisions_registered()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("td-retain"));
        var family = TestNames.Unique("web");
        await stack.Objects.CreateAsync(TaskDefinitions.Web(ns, family, change: s => s.DeletionPolicy = DeletionPolicy.Retain));
        var ready = await stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(ns, "web");

        await stack.Objects.DeleteAsync<V1alpha1TaskDefinition>(ns, "web");
        await stack.Objects.WaitGoneAsync<V1alpha1TaskDefinition>(ns, "web");

        Assert.Equal([ready.Status.Arn!], await stack.Ecs.RevisionArnsAsync(family));
    }

    [Fact]
    public async Task Missing_execution_role_is_named_then_ready_once_the_role_exists_without_an_edit()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("td-role"));
        var family = TestNames.Unique("web");
        var role = TestNames.Unique("exec");
        var roleArn = $"arn:aws:iam::123456789012:role/{role}";
        await stack.Objects.CreateAsync(TaskDefinitions.Web(ns, family, change: s => s.ExecutionRoleArn = roleArn));

        var waiting = await stack.Objects.WaitConditionAsync<V1alpha1TaskDefinition>(ns, "web", ConditionTypes.Reconciling, "DependencyNotReady");
        Assert.Contains($"spec.executionRoleArn: IAM role {roleArn}", KubeObjects.Condition(waiting, ConditionTypes.Reconciling)!.Message, StringComparison.Ordinal);
        Assert.Empty(await stack.Ecs.RevisionArnsAsync(family));

        await stack.Iam.CreateRoleAsync(new Iam.CreateRoleRequest { RoleName = role, AssumeRolePolicyDocument = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""" }, Token);

        var ready = await stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(ns, "web");
        Assert.Equal(waiting.Metadata.Generation, ready.Metadata.Generation);
        Assert.Equal(roleArn, (await stack.Ecs.RevisionAsync(ready.Status.Arn!)).TaskDefinition!.ExecutionRoleArn);
    }

    [Fact]
    public async Task Missing_efs_file_system_is_named_in_the_condition_and_nothing_is_registered()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("td-efs"));
        var family = TestNames.Unique("web");
        await stack.Objects.CreateAsync(TaskDefinitions.Web(ns, family, change: s =>
        {
            s.Volumes = [new Volume { Name = "data", EfsVolumeConfiguration = new EfsVolumeConfiguration { FileSystemId = "fs-0badc0ffee" } }];
            s.ContainerDefinitions[0].MountPoints = [new MountPoint { SourceVolume = "data", ContainerPath = "/data" }];
        }));

        var waiting = await stack.Objects.WaitConditionAsync<V1alpha1TaskDefinition>(ns, "web", ConditionTypes.Reconciling, "DependencyNotReady");

        Assert.Contains("spec.volumes[0].efsVolumeConfiguration.fileSystemId: EFS file system fs-0badc0ffee", KubeObjects.Condition(waiting, ConditionTypes.Reconciling)!.Message, StringComparison.Ordinal);
        Assert.Empty(await stack.Ecs.RevisionArnsAsync(family));
    }

    [Fact]
    public async Task Fargate_without_awsvpc_stalls_with_invalid_spec_and_registers_nothing()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("td-invalid"));
        var family = TestNames.Unique("web");
        await stack.Objects.CreateAsync(TaskDefinitions.Web(ns, family, change: s => s.NetworkMode = "bridge"));

        var stalled = await stack.Objects.WaitConditionAsync<V1alpha1TaskDefinition>(ns, "web", ConditionTypes.Stalled, "InvalidSpec");

        Assert.StartsWith("spec.networkMode", KubeObjects.Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Empty(await stack.Ecs.RevisionArnsAsync(family));
    }

    [Fact]
    public async Task Changing_the_family_stalls_with_immutable_field_changed_and_registers_nothing_new()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("td-family"));
        var family = TestNames.Unique("web");
        await stack.Objects.CreateAsync(TaskDefinitions.Web(ns, family));
        await stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(ns, "web");

        await stack.Objects.UpdateAsync<V1alpha1TaskDefinition>(ns, "web", td => td.Spec.Family = family + "-renamed");
        var stalled = await stack.Objects.WaitConditionAsync<V1alpha1TaskDefinition>(ns, "web", ConditionTypes.Stalled, "ImmutableFieldChanged");

        Assert.Contains("spec.family", KubeObjects.Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Empty(await stack.Ecs.RevisionArnsAsync(family + "-renamed"));
        Assert.Single(await stack.Ecs.RevisionArnsAsync(family));
    }

    private async Task<V1alpha1TaskDefinition> EditAndWaitAsync(string ns, Action<V1alpha1TaskDefinition> change)
    {
        var edited = await stack.Objects.UpdateAsync(ns, "web", change);
        return await stack.Objects.WaitForAsync<V1alpha1TaskDefinition>(ns, "web", td => KubeObjects.IsReady(td) && td.Metadata.Generation == edited.Metadata.Generation, $"Ready at generation {edited.Metadata.Generation}");
    }
}

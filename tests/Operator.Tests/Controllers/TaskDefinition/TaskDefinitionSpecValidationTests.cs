using EcsOperator.Controllers.Shared;
using EcsOperator.Controllers.TaskDefinition;
using EcsOperator.Entities;
using Xunit;

namespace EcsOperator.Tests.Controllers.TaskDefinition;

public sealed class TaskDefinitionSpecValidationTests
{
    private static TaskDefinitionSpec Valid() => new()
    {
        ContainerDefinitions =
        [
            new() { Name = "web", Image = "nginx", MountPoints = [new() { SourceVolume = "data", ContainerPath = "/data" }] },
            new() { Name = "sidecar", Image = "envoy", DependsOn = [new() { ContainerName = "web", Condition = ContainerCondition.Start }] },
        ],
        Volumes = [new() { Name = "data", EfsVolumeConfiguration = new() { FileSystemId = "fs-1" } }],
    };

    [Fact]
    public void A_consistent_spec_is_valid()
    {
        Assert.Empty(TaskDefinitionValidation.SpecRules(Valid()));
    }

    [Fact]
    public void A_spec_without_containers_is_rejected()
    {
        Assert.Equal("spec.containerDefinitions", Assert.Single(TaskDefinitionValidation.SpecRules(new TaskDefinitionSpec())).Field);
    }

    [Fact]
    public void Duplicate_container_names_are_rejected()
    {
        var spec = Valid();
        spec.ContainerDefinitions[1].Name = "web";
        spec.ContainerDefinitions[1].DependsOn = null;

        Assert.Equal("spec.containerDefinitions[1].name", Assert.Single(TaskDefinitionValidation.SpecRules(spec)).Field);
    }

    [Fact]
    public void A_mount_point_must_name_a_declared_volume()
    {
        var spec = Valid();
        spec.Volumes = null;

        Assert.Equal("spec.containerDefinitions[0].mountPoints[0].sourceVolume", Assert.Single(TaskDefinitionValidation.SpecRules(spec)).Field);
    }

    [Fact]
    public void DependsOn_must_name_a_container_of_the_task()
    {
        var spec = Valid();
        spec.ContainerDefinitions[1].DependsOn![0].ContainerName = "db";

        Assert.Equal("spec.containerDefinitions[1].dependsOn[0].containerName", Assert.Single(TaskDefinitionValidation.SpecRules(spec)).Field);
    }

    [Fact]
    public void A_volume_with_two_sources_is_rejected()
    {
        var spec = Valid();
        spec.Volumes![0].Host = new() { SourcePath = "/srv" };

        Assert.Equal("spec.volumes[0]", Assert.Single(TaskDefinitionValidation.SpecRules(spec)).Field);
    }

    [Fact]
    public void Task_definition_tags_are_checked()
    {
        var spec = Valid();
        spec.Tags = new Dictionary<string, string> { ["aws:x"] = "y" };

        Assert.Equal("spec.tags[aws:x]", Assert.Single(TaskDefinitionValidation.SpecRules(spec)).Field);
    }

    [Fact]
    public void Task_definitions_leave_room_for_the_spec_hash_tag_too()
    {
        var spec = Valid();
        spec.Tags = Enumerable.Range(0, 47).ToDictionary(i => $"k{i}", _ => "v");
        Assert.Empty(TaskDefinitionValidation.SpecRules(spec));

        spec.Tags["k47"] = "v";

        Assert.Contains("at most 47", Assert.Single(TaskDefinitionValidation.SpecRules(spec)).Message, StringComparison.Ordinal);
    }
}

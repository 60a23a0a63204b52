using EcsOperator.Controllers.TaskDefinition;
using EcsOperator.Entities;
using Xunit;

namespace EcsOperator.Tests.Controllers.TaskDefinition;

public sealed class TaskDefinitionValidationTests
{
    private static V1alpha1TaskDefinition Fargate(Action<TaskDefinitionSpec>? change = null)
    {
        var obj = new V1alpha1TaskDefinition
        {
            Metadata = new() { Name = "web", NamespaceProperty = "ns" },
            Spec = new TaskDefinitionSpec
            {
                Cpu = "256",
                Memory = "512",
                NetworkMode = "awsvpc",
                RequiresCompatibilities = ["FARGATE"],
                ContainerDefinitions = [new ContainerDefinition { Name = "web", Image = "nginx:1.27" }],
            },
        };
        change?.Invoke(obj.Spec);
        return obj;
    }

    private static string Fields(V1alpha1TaskDefinition obj) => string.Join(",", TaskDefinitionValidation.Check(obj).Select(e => e.Field));

    [Fact]
    public void A_plain_fargate_spec_is_valid()
    {
        Assert.Empty(TaskDefinitionValidation.Check(Fargate()));
    }

    [Theory]
    [InlineData("bridge")]
    [InlineData(null)]
    public void Fargate_without_awsvpc_names_network_mode(string? mode)
    {
        Assert.Equal("spec.networkMode", Fields(Fargate(s => s.NetworkMode = mode)));
    }

    [Theory]
    [InlineData("256", "4096", "spec.memory")]
    [InlineData("300", "512", "spec.cpu")]
    [InlineData(null, "512", "spec.cpu")]
    [InlineData("1024", null, "spec.memory")]
    public void Fargate_rejects_a_cpu_memory_pair_it_does_not_offer(string? cpu, string? memory, string field)
    {
        Assert.Equal(field, Fields(Fargate(s =>
        {
            s.Cpu = cpu;
            s.Memory = memory;
        })));
    }

    [Theory]
    [InlineData("0.25 vCPU", "0.5 GB")]
    [InlineData("4096", "30720")]
    [InlineData("16384", "122880")]
    public void Fargate_accepts_offered_pairs_in_either_unit(string cpu, string memory)
    {
        Assert.Empty(TaskDefinitionValidation.Check(Fargate(s =>
        {
            s.Cpu = cpu;
            s.Memory = memory;
        })));
    }

    [Fact]
    public void Ec2_tasks_need_no_task_size_when_each_container_has_memory()
    {
        Assert.Empty(TaskDefinitionValidation.Check(Fargate(s =>
        {
            s.RequiresCompatibilities = ["EC2"];
            s.NetworkMode = "bridge";
            s.Cpu = null;
            s.Memory = null;
            s.ContainerDefinitions[0].MemoryReservation = 128;
        })));
    }

    [Fact]
    public void Ec2_tasks_without_a_task_memory_need_container_memory_as_ecs_says()
    {
        var error = Assert.Single(TaskDefinitionValidation.Check(Fargate(s =>
        {
            s.RequiresCompatibilities = ["EC2"];
            s.NetworkMode = "bridge";
            s.Cpu = null;
            s.Memory = null;
        })));

        Assert.Equal("spec.containerDefinitions[0].memory", error.Field);
        Assert.Contains("at least one of 'memory' or 'memoryReservation' must be specified", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_container_names_are_named()
    {
        var obj = Fargate(s => s.ContainerDefinitions.Add(new ContainerDefinition { Name = "web", Image = "busybox" }));

        Assert.Contains("spec.containerDefinitions[1].name", Fields(obj), StringComparison.Ordinal);
    }

    [Fact]
    public void Mount_point_without_a_volume_is_named()
    {
        var obj = Fargate(s => s.ContainerDefinitions[0].MountPoints = [new MountPoint { SourceVolume = "data", ContainerPath = "/data" }]);

        Assert.Equal("spec.containerDefinitions[0].mountPoints[0].sourceVolume", Fields(obj));
    }

    [Fact]
    public void Volumes_from_an_unknown_container_is_named()
    {
        var obj = Fargate(s => s.ContainerDefinitions[0].VolumesFrom = [new VolumeFrom { SourceContainer = "sidecar" }]);

        Assert.Equal("spec.containerDefinitions[0].volumesFrom[0].sourceContainer", Fields(obj));
    }

    [Fact]
    public void A_task_with_no_essential_container_is_refused()
    {
        Assert.Equal("spec.containerDefinitions", Fields(Fargate(s => s.ContainerDefinitions[0].Essential = false)));
    }

    [Fact]
    public void Awsvpc_host_port_must_match_the_container_port()
    {
        var obj = Fargate(s => s.ContainerDefinitions[0].PortMappings = [new PortMapping { ContainerPort = 80, HostPort = 8080 }]);

        Assert.Equal("spec.containerDefinitions[0].portMappings[0].hostPort", Fields(obj));
    }

    [Fact]
    public void Efs_access_point_without_transit_encryption_is_refused()
    {
        var obj = Fargate(s => s.Volumes =
        [
            new Volume
            {
                Name = "data",
                EfsVolumeConfiguration = new EfsVolumeConfiguration { FileSystemId = "fs-1", AuthorizationConfig = new EfsAuthorizationConfig { AccessPointId = "fsap-1" } },
            },
        ]);

        Assert.Equal("spec.volumes[0].efsVolumeConfiguration.transitEncryption", Fields(obj));
    }

    [Fact]
    public void Operator_prefixed_user_tag_is_refused()
    {
        Assert.Contains("spec.tags[ecs.operator.dev/owner]", Fields(Fargate(s => s.Tags = new Dictionary<string, string> { ["ecs.operator.dev/owner"] = "me" })), StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_beyond_what_fits_next_to_the_three_operator_tags_are_refused()
    {
        var tags = Enumerable.Range(0, 48).ToDictionary(i => $"k{i}", i => "v");

        Assert.Equal("spec.tags", Fields(Fargate(s => s.Tags = tags)));
    }
}

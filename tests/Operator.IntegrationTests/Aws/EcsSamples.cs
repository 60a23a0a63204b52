using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.IntegrationTests.Aws;

/// <summary>Realistic ECS inputs, shaped like DESIGN.md's samples.</summary>
internal static class EcsSamples
{
    public static RegisterTaskDefinitionRequest TaskDefinition(string family) => new()
    {
        Family = family,
        Cpu = "256",
        Memory = "512",
        NetworkMode = NetworkMode.Awsvpc,
        RequiresCompatibilities = [Compatibility.FARGATE],
        ExecutionRoleArn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        RuntimePlatform = new RuntimePlatform { CpuArchitecture = CPUArchitecture.X86_64, OperatingSystemFamily = OSFamily.LINUX },
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "web",
                Image = "nginx:1.27",
                Essential = true,
                Memory = 512,
                PortMappings = [new PortMapping { ContainerPort = 80, Protocol = TransportProtocol.Tcp }],
                Environment = [new EcsOperator.Aws.Ecs.Model.KeyValuePair { Name = "MODE", Value = "prod" }],
                LogConfiguration = new LogConfiguration
                {
                    LogDriver = LogDriver.Awslogs,
                    Options = new() { ["awslogs-group"] = "/ecs/web", ["awslogs-region"] = "us-east-1" },
                },
                MountPoints = [new MountPoint { SourceVolume = "data", ContainerPath = "/data" }],
                HealthCheck = new HealthCheck { Command = ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], Interval = 30 },
            },
        ],
        Volumes =
        [
            new Volume
            {
                Name = "data",
                EfsVolumeConfiguration = new EFSVolumeConfiguration { FileSystemId = "fs-0123", TransitEncryption = EFSTransitEncryption.ENABLED },
            },
        ],
        Tags = [new Tag { Key = "app", Value = "web" }],
    };

    public static CreateServiceRequest Service(string cluster, string name, string taskDefinition, MotoSeed network) => new()
    {
        Cluster = cluster,
        ServiceName = name,
        TaskDefinition = taskDefinition,
        DesiredCount = 2,
        LaunchType = LaunchType.FARGATE,
        ClientToken = Guid.NewGuid().ToString("N"),
        // moto answers 500 when securityGroups is missing.
        NetworkConfiguration = new NetworkConfiguration
        {
            AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [.. network.SubnetIds], SecurityGroups = [network.SecurityGroupId], AssignPublicIp = AssignPublicIp.DISABLED },
        },
        DeploymentConfiguration = new DeploymentConfiguration
        {
            MaximumPercent = 200,
            MinimumHealthyPercent = 100,
            DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
        },
        Tags = [new Tag { Key = "app", Value = name }],
    };
}

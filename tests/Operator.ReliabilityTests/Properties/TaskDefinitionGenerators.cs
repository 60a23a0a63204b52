using CsCheck;
using EcsOperator.Entities;

namespace EcsOperator.ReliabilityTests.Properties;

/// <summary>Random TaskDefinition specs: sizes in both spellings, optional defaults, unique env and secret names.</summary>
public static class TaskDefinitionGenerators
{
    private static readonly string[] Names = ["A", "B", "C", "D", "E", "F"];

    public static readonly Gen<ContainerDefinition> Container =
        Gen.Select(Gen.OneOf("web", "sidecar", "log"), Gen.OneOf("nginx:1.27", "busybox", "app@sha256:abc"), Gen.Bool.Nullable(0.5), Port.List[0, 2], Environment, Secrets)
            .Select((name, image, essential, ports, env, secrets) => new ContainerDefinition
            {
                Name = name,
                Image = image,
                Essential = essential,
                PortMappings = ports,
                Environment = env,
                Secrets = secrets,
            });

    public static readonly Gen<TaskDefinitionSpec> Spec =
        Gen.Select(Gen.OneOf("awsvpc", "bridge", "host").Null(0.3), Gen.OneOf("256", "0.25 vCPU", "512", "1 vCPU").Null(0.3), Gen.OneOf("512", "1 GB", "2048", "2GB").Null(0.3), Container.List[1, 3], Gen.OneOf(new[] { "FARGATE" }, new[] { "EC2", "FARGATE" }, new[] { "FARGATE", "EC2" }).Null(0.5))
            .Select((mode, cpu, memory, containers, compatibilities) => new TaskDefinitionSpec
            {
                NetworkMode = mode,
                Cpu = cpu,
                Memory = memory,
                ContainerDefinitions = [.. containers.DistinctBy(c => c.Name)],
                RequiresCompatibilities = compatibilities,
            });

    private static Gen<PortMapping> Port =>
        Gen.Select(Gen.Int[1, 65535], Gen.OneOf("tcp", "udp").Null(0.5))
            .Select((port, protocol) => new PortMapping { ContainerPort = port, Protocol = protocol });

    private static Gen<List<NameValuePair>?> Environment =>
        Gen.Select(Gen.Shuffle(Names, 0, 6), Gen.OneOf("1", "two", "", "x=y"))
            .Select((names, value) => names.Select(n => new NameValuePair { Name = n, Value = value + n }).ToList())
            .Null(0.2);

    private static Gen<List<Secret>?> Secrets =>
        Gen.Shuffle(Names, 0, 4)
            .Select(names => names.Select(n => new Secret { Name = "S" + n, ValueFrom = $"arn:aws:secretsmanager:us-east-1:123456789012:secret:{n}" }).ToList())
            .Null(0.3);
}

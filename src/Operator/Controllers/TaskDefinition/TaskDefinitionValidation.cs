using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Controllers.TaskDefinition;

/// <summary>
/// ECS's structural rules for a task definition, checked before any AWS call: a spec that breaks one can never be
/// registered, so it is Stalled/InvalidSpec until it changes. Also: unique container names, references inside the spec, one source per volume, and tags (47 at most next to owner, cluster-id and spec hash).
/// </summary>
public static class TaskDefinitionValidation
{
    public static IReadOnlyList<FieldError> Check(V1alpha1TaskDefinition obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var spec = obj.Spec;
        var errors = SpecRules(spec);
        if (spec.RequiresCompatibilities?.Contains("FARGATE") == true)
        {
            errors.AddRange(FargateRules(spec));
        }

        errors.AddRange(ContainerRules(spec));
        errors.AddRange(VolumeRules(spec));
        errors.AddRange(TaskDefinitionFormats.Check(obj));
        SpecText.AddTo(errors, spec);
        return errors.DistinctBy(e => e.ToString()).ToList();
    }

    private static IEnumerable<FieldError> FargateRules(TaskDefinitionSpec spec)
    {
        if (spec.NetworkMode != "awsvpc")
        {
            yield return new FieldError("spec.networkMode", $"FARGATE requires awsvpc, not {spec.NetworkMode ?? "the default (bridge)"}");
        }

        var cpu = FargateSizes.Parse(spec.Cpu, "vCPU");
        var memory = FargateSizes.Parse(spec.Memory, "GB");
        if (cpu is null)
        {
            yield return new FieldError("spec.cpu", $"FARGATE requires a task cpu, one of {string.Join(", ", FargateSizes.CpuValues)}");
        }
        else if (memory is null)
        {
            yield return new FieldError("spec.memory", $"FARGATE requires a task memory; with cpu {cpu}: {string.Join(", ", FargateSizes.MemoryFor(cpu.Value))}");
        }
        else if (!FargateSizes.IsValid(cpu.Value, memory.Value))
        {
            var allowed = FargateSizes.MemoryFor(cpu.Value);
            yield return allowed.Count == 0
                ? new FieldError("spec.cpu", $"{spec.Cpu} is not a FARGATE cpu size; use one of {string.Join(", ", FargateSizes.CpuValues)}")
                : new FieldError("spec.memory", $"{spec.Memory} does not go with cpu {spec.Cpu} on FARGATE; use one of {string.Join(", ", allowed)}");
        }
    }

    private static IEnumerable<FieldError> ContainerRules(TaskDefinitionSpec spec)
    {
        var containers = spec.ContainerDefinitions;
        if (containers.Count > 0 && containers.All(c => c.Essential == false))
        {
            yield return new FieldError("spec.containerDefinitions", "at least one container must be essential");
        }

        var names = containers.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < containers.Count; i++)
        {
            var path = $"spec.containerDefinitions[{i}]";
            if (string.IsNullOrWhiteSpace(containers[i].Image))
            {
                yield return new FieldError($"{path}.image", "every container needs an image");
            }

            var volumesFrom = containers[i].VolumesFrom ?? [];
            for (var v = 0; v < volumesFrom.Count; v++)
            {
                if (volumesFrom[v].SourceContainer is { } source && !names.Contains(source))
                {
                    yield return new FieldError($"{path}.volumesFrom[{v}].sourceContainer", $"no container named {source} in spec.containerDefinitions");
                }
            }

            var ports = containers[i].PortMappings ?? [];
            for (var p = 0; p < ports.Count; p++)
            {
                if (spec.NetworkMode is "awsvpc" or "host" && ports[p].HostPort is { } host && ports[p].ContainerPort is { } port && host != port)
                {
                    yield return new FieldError($"{path}.portMappings[{p}].hostPort", $"with {spec.NetworkMode} the host port must equal the container port ({port}) or be left out");
                }
            }
        }
    }

    private static IEnumerable<FieldError> VolumeRules(TaskDefinitionSpec spec)
    {
        var volumes = spec.Volumes ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < volumes.Count; i++)
        {
            if (!seen.Add(volumes[i].Name))
            {
                yield return new FieldError($"spec.volumes[{i}].name", $"volume name {volumes[i].Name} is used twice");
            }

            if (volumes[i].EfsVolumeConfiguration is { } efs)
            {
                if (string.IsNullOrWhiteSpace(efs.FileSystemId))
                {
                    yield return new FieldError($"spec.volumes[{i}].efsVolumeConfiguration.fileSystemId", "an EFS volume needs a file system id");
                }

                // ECS refuses an access point or IAM authorization without encryption in transit.
                var needsTls = efs.AuthorizationConfig is { } auth && (auth.AccessPointId is not null || auth.Iam == "ENABLED");
                if (needsTls && efs.TransitEncryption != "ENABLED")
                {
                    yield return new FieldError($"spec.volumes[{i}].efsVolumeConfiguration.transitEncryption", "must be ENABLED when authorizationConfig sets an access point or IAM");
                }
            }
        }
    }

    /// <summary>The rules that need nothing but the spec itself (no launch type assumptions).</summary>
    public static List<FieldError> SpecRules(TaskDefinitionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<FieldError>();
        if (spec.ContainerDefinitions.Count == 0)
        {
            errors.Add(new FieldError("spec.containerDefinitions", "at least one container is required"));
        }

        var containers = new HashSet<string>(StringComparer.Ordinal);
        var volumes = (spec.Volumes ?? []).Select(volume => volume.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < spec.ContainerDefinitions.Count; i++)
        {
            if (!containers.Add(spec.ContainerDefinitions[i].Name))
            {
                errors.Add(new FieldError($"spec.containerDefinitions[{i}].name",
                    $"container name {spec.ContainerDefinitions[i].Name} is used twice"));
            }
        }

        for (var i = 0; i < spec.ContainerDefinitions.Count; i++)
        {
            errors.AddRange(CheckReferences(spec.ContainerDefinitions[i], $"spec.containerDefinitions[{i}]", containers, volumes));
        }

        for (var i = 0; i < (spec.Volumes?.Count ?? 0); i++)
        {
            if (VolumeSources(spec.Volumes![i]) > 1)
            {
                errors.Add(new FieldError($"spec.volumes[{i}]", "set at most one volume source"));
            }
        }

        errors.AddRange(TagValidator.Validate(spec.Tags, "spec.tags", TagRules.TaskDefinitionOperatorTags));
        return errors;
    }

    private static IEnumerable<FieldError> CheckReferences(
        ContainerDefinition container, string path, HashSet<string> containers, HashSet<string> volumes)
    {
        var mountPoints = container.MountPoints ?? [];
        for (var m = 0; m < mountPoints.Count; m++)
        {
            if (mountPoints[m].SourceVolume is { } volume && !volumes.Contains(volume))
            {
                yield return new FieldError($"{path}.mountPoints[{m}].sourceVolume", $"no volume named {volume} in spec.volumes");
            }
        }

        var dependsOn = container.DependsOn ?? [];
        for (var d = 0; d < dependsOn.Count; d++)
        {
            if (!containers.Contains(dependsOn[d].ContainerName))
            {
                yield return new FieldError($"{path}.dependsOn[{d}].containerName",
                    $"no container named {dependsOn[d].ContainerName} in spec.containerDefinitions");
            }
        }
    }

    private static int VolumeSources(Volume volume) =>
        new object?[]
        {
            volume.Host, volume.DockerVolumeConfiguration, volume.EfsVolumeConfiguration,
            volume.S3filesVolumeConfiguration, volume.FsxWindowsFileServerVolumeConfiguration,
        }.Count(source => source is not null);
}

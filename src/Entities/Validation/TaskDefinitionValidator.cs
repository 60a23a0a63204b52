namespace EcsOperator.Entities.Validation;

/// <summary>
/// The rules of a TaskDefinition spec: tags, one source per volume, and names that must point at
/// something in the same spec (ECS would reject them later with a less precise message).
/// </summary>
public static class TaskDefinitionValidator
{
    public static IReadOnlyList<FieldError> Validate(TaskDefinitionSpec spec)
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

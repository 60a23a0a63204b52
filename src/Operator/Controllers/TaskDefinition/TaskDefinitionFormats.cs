using System.Text;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;

namespace EcsOperator.Controllers.TaskDefinition;

/// <summary>
/// What RegisterTaskDefinition would refuse for its form rather than its structure: names, image references, role
/// ARNs, the 64 KiB size limit, and container memory on EC2. Checked before any AWS call.
/// </summary>
public static class TaskDefinitionFormats
{
    /// <summary>ECS's limit on a task definition, as JSON.</summary>
    public const int MaxSizeBytes = 64 * 1024;

    public static IEnumerable<FieldError> Check(V1alpha1TaskDefinition obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var spec = obj.Spec;
        var defaulted = string.IsNullOrEmpty(spec.Family);
        var errors = AwsFormats.EcsName("spec.family", defaulted ? obj.Metadata.Name : spec.Family, defaulted ? "metadata.name" : null)
            .Concat(AwsFormats.RoleArnOrName("spec.executionRoleArn", spec.ExecutionRoleArn))
            .Concat(AwsFormats.RoleArnOrName("spec.taskRoleArn", spec.TaskRoleArn))
            .Concat(Containers(spec))
            .Concat(Memory(spec))
            .ToList();
        var size = Encoding.UTF8.GetByteCount(TaskDefinitionRequest.SpecJson(spec).ToJsonString());
        if (size > MaxSizeBytes)
        {
            errors.Add(new FieldError("spec", $"the task definition is {size:N0} bytes as JSON; ECS accepts at most {MaxSizeBytes:N0}"));
        }

        return errors;
    }

    private static IEnumerable<FieldError> Containers(TaskDefinitionSpec spec)
    {
        for (var i = 0; i < spec.ContainerDefinitions.Count; i++)
        {
            var container = spec.ContainerDefinitions[i];
            foreach (var error in AwsFormats.EcsName($"spec.containerDefinitions[{i}].name", container.Name))
            {
                yield return error;
            }

            if (container.Image.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c > '\x7e'))
            {
                yield return new FieldError($"spec.containerDefinitions[{i}].image", $"{AwsFormats.Quote(container.Image)} is not an image reference: it has whitespace, control or non-ASCII characters");
            }
        }
    }

    /// <summary>
    /// On EC2 (the default when requiresCompatibilities leaves FARGATE out) a task without a task-level memory needs
    /// memory or memoryReservation on every container; ECS says "At least one of 'memory' or 'memoryReservation' must be specified".
    /// </summary>
    private static IEnumerable<FieldError> Memory(TaskDefinitionSpec spec)
    {
        if (spec.Memory is not null || spec.RequiresCompatibilities?.Contains("FARGATE") == true)
        {
            yield break;
        }

        for (var i = 0; i < spec.ContainerDefinitions.Count; i++)
        {
            if (spec.ContainerDefinitions[i] is { Memory: null, MemoryReservation: null })
            {
                yield return new FieldError($"spec.containerDefinitions[{i}].memory", "at least one of 'memory' or 'memoryReservation' must be specified when the task sets no memory and runs on EC2");
            }
        }
    }
}

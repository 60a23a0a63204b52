using EcsOperator.Aws;
using EcsOperator.Aws.Efs;
using EcsOperator.Aws.Iam;
using EcsOperator.Entities;
using Efs = EcsOperator.Aws.Efs.Model;
using Iam = EcsOperator.Aws.Iam.Model;

namespace EcsOperator.Controllers.TaskDefinition;

/// <summary>
/// The AWS resources a task definition names that may not exist yet (roles, EFS file systems and access points).
/// ECS would register the revision anyway and tasks would fail at launch, so the operator waits for them.
/// </summary>
public sealed class TaskDefinitionDependencies(IIamApi iam, IEfsApi efs)
{
    /// <summary>One message per missing resource, naming the field and the resource; empty when all exist.</summary>
    public async Task<IReadOnlyList<string>> FindMissingAsync(TaskDefinitionSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var missing = new List<string>();
        foreach (var (field, arn) in new[] { ("spec.executionRoleArn", spec.ExecutionRoleArn), ("spec.taskRoleArn", spec.TaskRoleArn) })
        {
            if (!string.IsNullOrEmpty(arn) && !await RoleExistsAsync(arn, cancellationToken))
            {
                missing.Add($"{field}: IAM role {arn} does not exist");
            }
        }

        var volumes = spec.Volumes ?? [];
        for (var i = 0; i < volumes.Count; i++)
        {
            if (volumes[i].EfsVolumeConfiguration is { } config && await CheckEfsAsync(config, cancellationToken) is { } problem)
            {
                missing.Add($"spec.volumes[{i}].efsVolumeConfiguration.{problem}");
            }
        }

        return missing;
    }

    /// <summary>The role name is the last path segment of the ARN (roles may live under a path).</summary>
    public static string RoleName(string roleArn)
    {
        ArgumentNullException.ThrowIfNull(roleArn);
        return roleArn[(roleArn.LastIndexOf('/') + 1)..];
    }

    private async Task<bool> RoleExistsAsync(string arn, CancellationToken cancellationToken)
    {
        try
        {
            await iam.GetRoleAsync(new Iam.GetRoleRequest { RoleName = RoleName(arn) }, cancellationToken);
            return true;
        }
        catch (AwsServiceException e) when (e.Classification == AwsErrorClass.NotFound)
        {
            return false;
        }
    }

    private async Task<string?> CheckEfsAsync(EfsVolumeConfiguration config, CancellationToken cancellationToken)
    {
        try
        {
            await efs.DescribeFileSystemsAsync(new Efs.DescribeFileSystemsRequest { FileSystemId = config.FileSystemId }, cancellationToken);
        }
        catch (AwsServiceException e) when (e.Classification == AwsErrorClass.NotFound)
        {
            return $"fileSystemId: EFS file system {config.FileSystemId} does not exist";
        }

        if (config.AuthorizationConfig?.AccessPointId is not { Length: > 0 } accessPointId)
        {
            return null;
        }

        try
        {
            var response = await efs.DescribeAccessPointsAsync(new Efs.DescribeAccessPointsRequest { AccessPointId = accessPointId }, cancellationToken);
            var owner = response.AccessPoints?.FirstOrDefault()?.FileSystemId;
            return owner is null || owner == config.FileSystemId
                ? null
                : $"authorizationConfig.accessPointId: EFS access point {accessPointId} belongs to file system {owner}, not {config.FileSystemId}";
        }
        catch (AwsServiceException e) when (e.Classification == AwsErrorClass.NotFound)
        {
            return $"authorizationConfig.accessPointId: EFS access point {accessPointId} does not exist";
        }
    }
}

using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>Cluster-wide settings for ECS Exec and managed storage.</summary>
public sealed class ClusterConfiguration
{
    /// <summary>How ECS Exec sessions are encrypted and logged.</summary>
    [JsonPropertyName("executeCommandConfiguration")]
    public ExecuteCommandConfiguration? ExecuteCommandConfiguration { get; set; }

    /// <summary>KMS keys for managed EBS volumes and Fargate ephemeral storage.</summary>
    [JsonPropertyName("managedStorageConfiguration")]
    public ManagedStorageConfiguration? ManagedStorageConfiguration { get; set; }
}

/// <summary>ECS Exec settings.</summary>
public sealed class ExecuteCommandConfiguration
{
    /// <summary>The KMS key that encrypts the session data between the client and the container.</summary>
    [JsonPropertyName("kmsKeyId")]
    public string? KmsKeyId { get; set; }

    /// <summary>NONE, DEFAULT (the awslogs settings of the task) or OVERRIDE (use logConfiguration below).</summary>
    [EnumValues(typeof(ExecuteCommandLogging))]
    [JsonPropertyName("logging")]
    public string? Logging { get; set; }

    /// <summary>Where session output goes when logging is OVERRIDE.</summary>
    [JsonPropertyName("logConfiguration")]
    public ExecuteCommandLogConfiguration? LogConfiguration { get; set; }
}

/// <summary>Destinations for ECS Exec session logs.</summary>
public sealed class ExecuteCommandLogConfiguration
{
    /// <summary>The CloudWatch Logs group that receives session output.</summary>
    [JsonPropertyName("cloudWatchLogGroupName")]
    public string? CloudWatchLogGroupName { get; set; }

    /// <summary>Require the log group to be encrypted.</summary>
    [JsonPropertyName("cloudWatchEncryptionEnabled")]
    public bool? CloudWatchEncryptionEnabled { get; set; }

    /// <summary>The S3 bucket that receives session output.</summary>
    [JsonPropertyName("s3BucketName")]
    public string? S3BucketName { get; set; }

    /// <summary>Require the bucket to be encrypted.</summary>
    [JsonPropertyName("s3EncryptionEnabled")]
    public bool? S3EncryptionEnabled { get; set; }

    /// <summary>The key prefix for the log objects.</summary>
    [JsonPropertyName("s3KeyPrefix")]
    public string? S3KeyPrefix { get; set; }
}

/// <summary>Encryption keys for storage ECS manages for the cluster's tasks.</summary>
public sealed class ManagedStorageConfiguration
{
    /// <summary>The KMS key for ECS-managed EBS volumes.</summary>
    [JsonPropertyName("kmsKeyId")]
    public string? KmsKeyId { get; set; }

    /// <summary>The KMS key for Fargate ephemeral storage.</summary>
    [JsonPropertyName("fargateEphemeralStorageKmsKeyId")]
    public string? FargateEphemeralStorageKmsKeyId { get; set; }
}

/// <summary>Service Connect defaults for a cluster.</summary>
public sealed class ClusterServiceConnectDefaults
{
    /// <summary>The Cloud Map namespace name or ARN; created as an HTTP namespace when it does not exist.</summary>
    [Required]
    [MaxLength(1024)]
    [JsonPropertyName("namespace")]
    public string Namespace { get; set; } = string.Empty;
}

using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>A volume created for each task at launch.</summary>
public sealed class ServiceVolumeConfiguration
{
    /// <summary>The task definition volume (configuredAtLaunch) this configures.</summary>
    [Required]
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>An EBS volume ECS creates and attaches per task.</summary>
    [JsonPropertyName("managedEBSVolume")]
    public ServiceManagedEBSVolumeConfiguration? ManagedEBSVolume { get; set; }
}

/// <summary>An EBS volume ECS manages for each task.</summary>
public sealed class ServiceManagedEBSVolumeConfiguration
{
    /// <summary>Encrypt the volume.</summary>
    [JsonPropertyName("encrypted")]
    public bool? Encrypted { get; set; }

    /// <summary>The KMS key for encryption.</summary>
    [JsonPropertyName("kmsKeyId")]
    public string? KmsKeyId { get; set; }

    /// <summary>The EBS volume type, for example gp3.</summary>
    [JsonPropertyName("volumeType")]
    public string? VolumeType { get; set; }

    /// <summary>Size in GiB; required unless snapshotId is set.</summary>
    [JsonPropertyName("sizeInGiB")]
    public int? SizeInGiB { get; set; }

    /// <summary>A snapshot to create the volume from.</summary>
    [JsonPropertyName("snapshotId")]
    public string? SnapshotId { get; set; }

    /// <summary>MiB/s at which a snapshot-based volume is hydrated.</summary>
    [JsonPropertyName("volumeInitializationRate")]
    public int? VolumeInitializationRate { get; set; }

    /// <summary>Provisioned IOPS (io1, io2, gp3).</summary>
    [JsonPropertyName("iops")]
    public int? Iops { get; set; }

    /// <summary>Throughput in MiB/s (gp3).</summary>
    [JsonPropertyName("throughput")]
    public int? Throughput { get; set; }

    /// <summary>Tags for the volumes.</summary>
    [JsonPropertyName("tagSpecifications")]
    public IList<EbsTagSpecification>? TagSpecifications { get; set; }

    /// <summary>The infrastructure role ECS uses to manage the volumes.</summary>
    [Required]
    [JsonPropertyName("roleArn")]
    public string RoleArn { get; set; } = string.Empty;

    /// <summary>The filesystem to format the volume with.</summary>
    [EnumValues(typeof(TaskFilesystemType))]
    [JsonPropertyName("filesystemType")]
    public string? FilesystemType { get; set; }
}

/// <summary>Tags for ECS-managed EBS volumes.</summary>
public sealed class EbsTagSpecification
{
    /// <summary>Only volume.</summary>
    [Required]
    [EnumValues(typeof(EBSResourceType))]
    [JsonPropertyName("resourceType")]
    public string ResourceType { get; set; } = EBSResourceType.Volume;

    /// <summary>The tags, as a map like every other tags field here.</summary>
    [TagMap]
    [JsonPropertyName("tags")]
    public IDictionary<string, string>? Tags { get; set; }

    /// <summary>Also copy tags from the SERVICE or TASK_DEFINITION, or NONE.</summary>
    [EnumValues(typeof(PropagateTags))]
    [JsonPropertyName("propagateTags")]
    public string? PropagateTags { get; set; }
}

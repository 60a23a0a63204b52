using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>
/// A task volume. Set at most one source; with none, a scratch volume is created for the task's lifetime.
/// </summary>
[CelRule(
    "(has(self.host) ? 1 : 0) + (has(self.dockerVolumeConfiguration) ? 1 : 0) + (has(self.efsVolumeConfiguration) ? 1 : 0) + (has(self.s3filesVolumeConfiguration) ? 1 : 0) + (has(self.fsxWindowsFileServerVolumeConfiguration) ? 1 : 0) <= 1",
    "set at most one of host, dockerVolumeConfiguration, efsVolumeConfiguration, s3filesVolumeConfiguration and fsxWindowsFileServerVolumeConfiguration")]
public sealed class Volume
{
    /// <summary>The name mountPoints refer to.</summary>
    [Required]
    [MaxLength(255)]
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>A bind mount of a host path (EC2), or a scratch volume when sourcePath is empty.</summary>
    [JsonPropertyName("host")]
    public HostVolumeProperties? Host { get; set; }

    /// <summary>A Docker volume (EC2 only).</summary>
    [JsonPropertyName("dockerVolumeConfiguration")]
    public DockerVolumeConfiguration? DockerVolumeConfiguration { get; set; }

    /// <summary>An Amazon EFS file system.</summary>
    [JsonPropertyName("efsVolumeConfiguration")]
    public EfsVolumeConfiguration? EfsVolumeConfiguration { get; set; }

    /// <summary>An Amazon S3 Files file system.</summary>
    [JsonPropertyName("s3filesVolumeConfiguration")]
    public S3FilesVolumeConfiguration? S3filesVolumeConfiguration { get; set; }

    /// <summary>An Amazon FSx for Windows File Server share.</summary>
    [JsonPropertyName("fsxWindowsFileServerVolumeConfiguration")]
    public FsxWindowsFileServerVolumeConfiguration? FsxWindowsFileServerVolumeConfiguration { get; set; }

    /// <summary>The volume is described at launch (for example a managed EBS volume in the Service's volumeConfigurations).</summary>
    [JsonPropertyName("configuredAtLaunch")]
    public bool? ConfiguredAtLaunch { get; set; }
}

/// <summary>A host path bind mount.</summary>
public sealed class HostVolumeProperties
{
    /// <summary>The path on the host.</summary>
    [JsonPropertyName("sourcePath")]
    public string? SourcePath { get; set; }
}

/// <summary>A Docker-managed volume.</summary>
public sealed class DockerVolumeConfiguration
{
    /// <summary>task (removed with the task) or shared (kept after it).</summary>
    [EnumValues(typeof(Scope))]
    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    /// <summary>Create a shared volume if it does not exist yet.</summary>
    [JsonPropertyName("autoprovision")]
    public bool? Autoprovision { get; set; }

    /// <summary>The volume driver, for example local.</summary>
    [JsonPropertyName("driver")]
    public string? Driver { get; set; }

    /// <summary>Driver options.</summary>
    [FreeText]
    [JsonPropertyName("driverOpts")]
    public IDictionary<string, string>? DriverOpts { get; set; }

    /// <summary>Docker labels on the volume.</summary>
    [FreeText(Keys = true)]
    [JsonPropertyName("labels")]
    public IDictionary<string, string>? Labels { get; set; }
}

/// <summary>An Amazon EFS file system mount.</summary>
public sealed class EfsVolumeConfiguration
{
    /// <summary>The file system id, fs-....</summary>
    [Required]
    [MaxLength(128)]
    [JsonPropertyName("fileSystemId")]
    public string FileSystemId { get; set; } = string.Empty;

    /// <summary>The directory to mount; ignored (must be / or empty) when an access point is used.</summary>
    [JsonPropertyName("rootDirectory")]
    public string? RootDirectory { get; set; }

    /// <summary>Encrypt NFS traffic with TLS; required when iam or an access point is used.</summary>
    [EnumValues(typeof(EFSTransitEncryption))]
    [JsonPropertyName("transitEncryption")]
    public string? TransitEncryption { get; set; }

    /// <summary>The local port for encrypted traffic.</summary>
    [Range(0, 65535)]
    [JsonPropertyName("transitEncryptionPort")]
    public int? TransitEncryptionPort { get; set; }

    /// <summary>Access point and IAM authorization.</summary>
    [JsonPropertyName("authorizationConfig")]
    public EfsAuthorizationConfig? AuthorizationConfig { get; set; }
}

/// <summary>How the task authenticates to EFS.</summary>
public sealed class EfsAuthorizationConfig
{
    /// <summary>The EFS access point id, fsap-....</summary>
    [JsonPropertyName("accessPointId")]
    public string? AccessPointId { get; set; }

    /// <summary>Use the task role for EFS authorization (ENABLED) or not.</summary>
    [EnumValues(typeof(EFSAuthorizationConfigIAM))]
    [JsonPropertyName("iam")]
    public string? Iam { get; set; }
}

/// <summary>An Amazon S3 Files file system mount.</summary>
public sealed class S3FilesVolumeConfiguration
{
    /// <summary>The file system's ARN.</summary>
    [Required]
    [JsonPropertyName("fileSystemArn")]
    public string FileSystemArn { get; set; } = string.Empty;

    /// <summary>The directory to mount.</summary>
    [JsonPropertyName("rootDirectory")]
    public string? RootDirectory { get; set; }

    /// <summary>The local port for encrypted traffic.</summary>
    [Range(0, 65535)]
    [JsonPropertyName("transitEncryptionPort")]
    public int? TransitEncryptionPort { get; set; }

    /// <summary>An access point ARN to mount through.</summary>
    [JsonPropertyName("accessPointArn")]
    public string? AccessPointArn { get; set; }
}

/// <summary>An FSx for Windows File Server share.</summary>
public sealed class FsxWindowsFileServerVolumeConfiguration
{
    /// <summary>The FSx file system id.</summary>
    [Required]
    [JsonPropertyName("fileSystemId")]
    public string FileSystemId { get; set; } = string.Empty;

    /// <summary>The share path to mount.</summary>
    [Required]
    [JsonPropertyName("rootDirectory")]
    public string RootDirectory { get; set; } = string.Empty;

    /// <summary>Domain credentials for the share.</summary>
    [Required]
    [JsonPropertyName("authorizationConfig")]
    public FsxWindowsFileServerAuthorizationConfig AuthorizationConfig { get; set; } = new();
}

/// <summary>Active Directory credentials for an FSx share.</summary>
public sealed class FsxWindowsFileServerAuthorizationConfig
{
    /// <summary>A Secrets Manager or SSM ARN holding the domain user's credentials.</summary>
    [Required]
    [JsonPropertyName("credentialsParameter")]
    public string CredentialsParameter { get; set; } = string.Empty;

    /// <summary>The fully qualified domain name.</summary>
    [Required]
    [JsonPropertyName("domain")]
    public string Domain { get; set; } = string.Empty;
}

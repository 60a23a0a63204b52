using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>A port the container listens on.</summary>
public sealed class PortMapping
{
    /// <summary>The port inside the container.</summary>
    [Range(0, 65535)]
    [JsonPropertyName("containerPort")]
    public int? ContainerPort { get; set; }

    /// <summary>The port on the host; with awsvpc it must equal containerPort or be left out.</summary>
    [Range(0, 65535)]
    [JsonPropertyName("hostPort")]
    public int? HostPort { get; set; }

    /// <summary>tcp (default) or udp.</summary>
    [EnumValues(typeof(TransportProtocol))]
    [JsonPropertyName("protocol")]
    public string? Protocol { get; set; }

    /// <summary>A name for the port, which Service Connect refers to.</summary>
    [MaxLength(64)]
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The application protocol Service Connect uses for metrics and retries: http, http2 or grpc.</summary>
    [EnumValues(typeof(ApplicationProtocol))]
    [JsonPropertyName("appProtocol")]
    public string? AppProtocol { get; set; }

    /// <summary>A range such as "8000-8010", instead of containerPort, for awsvpc tasks.</summary>
    [JsonPropertyName("containerPortRange")]
    public string? ContainerPortRange { get; set; }
}

/// <summary>In-place restarts of a container that exits.</summary>
public sealed class ContainerRestartPolicy
{
    /// <summary>Turn restarts on.</summary>
    [Required]
    [JsonPropertyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary>Exit codes that do not trigger a restart.</summary>
    [MaxLength(50)]
    [JsonPropertyName("ignoredExitCodes")]
    public IList<int>? IgnoredExitCodes { get; set; }

    /// <summary>Seconds a container must run before it may be restarted again.</summary>
    [Range(60, 1800)]
    [JsonPropertyName("restartAttemptPeriod")]
    public int? RestartAttemptPeriod { get; set; }
}

/// <summary>Credentials for a private registry, stored in Secrets Manager.</summary>
public sealed class RepositoryCredentials
{
    /// <summary>The ARN of the secret holding the registry username and password.</summary>
    [Required]
    [JsonPropertyName("credentialsParameter")]
    public string CredentialsParameter { get; set; } = string.Empty;
}

/// <summary>A file of environment variables in S3.</summary>
public sealed class EnvironmentFile
{
    /// <summary>The S3 object ARN of the .env file.</summary>
    [Required]
    [JsonPropertyName("value")]
    public string Value { get; set; } = string.Empty;

    /// <summary>Where the file lives; only s3.</summary>
    [Required]
    [EnumValues(typeof(EnvironmentFileType))]
    [JsonPropertyName("type")]
    public string Type { get; set; } = EnvironmentFileType.S3;
}

/// <summary>A task volume mounted into a container.</summary>
public sealed class MountPoint
{
    /// <summary>The name of a volume in spec.volumes.</summary>
    [JsonPropertyName("sourceVolume")]
    public string? SourceVolume { get; set; }

    /// <summary>Where the volume appears inside the container.</summary>
    [JsonPropertyName("containerPath")]
    public string? ContainerPath { get; set; }

    /// <summary>Mount read-only.</summary>
    [JsonPropertyName("readOnly")]
    public bool? ReadOnly { get; set; }
}

/// <summary>All volumes of another container, mounted into this one.</summary>
public sealed class VolumeFrom
{
    /// <summary>The container whose volumes are mounted.</summary>
    [JsonPropertyName("sourceContainer")]
    public string? SourceContainer { get; set; }

    /// <summary>Mount read-only.</summary>
    [JsonPropertyName("readOnly")]
    public bool? ReadOnly { get; set; }
}

/// <summary>A container this one waits for.</summary>
public sealed class ContainerDependency
{
    /// <summary>The container waited for.</summary>
    [Required]
    [JsonPropertyName("containerName")]
    public string ContainerName { get; set; } = string.Empty;

    /// <summary>START, COMPLETE, SUCCESS (exit 0) or HEALTHY.</summary>
    [Required]
    [EnumValues(typeof(ContainerCondition))]
    [JsonPropertyName("condition")]
    public string Condition { get; set; } = ContainerCondition.Start;
}

/// <summary>An /etc/hosts line.</summary>
public sealed class HostEntry
{
    /// <summary>The host name.</summary>
    [Required]
    [JsonPropertyName("hostname")]
    public string Hostname { get; set; } = string.Empty;

    /// <summary>The address it resolves to.</summary>
    [Required]
    [JsonPropertyName("ipAddress")]
    public string IpAddress { get; set; } = string.Empty;
}

/// <summary>A ulimit for the container's processes.</summary>
public sealed class Ulimit
{
    /// <summary>The limit, for example nofile.</summary>
    [Required]
    [EnumValues(typeof(UlimitName))]
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The soft limit.</summary>
    [Required]
    [JsonPropertyName("softLimit")]
    public int SoftLimit { get; set; }

    /// <summary>The hard limit.</summary>
    [Required]
    [JsonPropertyName("hardLimit")]
    public int HardLimit { get; set; }
}

/// <summary>A container health check run by Docker.</summary>
public sealed class HealthCheck
{
    /// <summary>["CMD", args...] to exec directly, or ["CMD-SHELL", "command"] to run in a shell.</summary>
    [Required]
    [MinLength(1)]
    [FreeText]
    [JsonPropertyName("command")]
    public IList<string> Command { get; set; } = [];

    /// <summary>Seconds between checks (5-300, ECS default 30).</summary>
    [Range(5, 300)]
    [JsonPropertyName("interval")]
    public int? Interval { get; set; }

    /// <summary>Seconds a check may take (2-60, ECS default 5).</summary>
    [Range(2, 60)]
    [JsonPropertyName("timeout")]
    public int? Timeout { get; set; }

    /// <summary>Failures in a row before the container is unhealthy (1-10, ECS default 3).</summary>
    [Range(1, 10)]
    [JsonPropertyName("retries")]
    public int? Retries { get; set; }

    /// <summary>Seconds after start during which failures do not count (0-300).</summary>
    [Range(0, 300)]
    [JsonPropertyName("startPeriod")]
    public int? StartPeriod { get; set; }
}

/// <summary>A namespaced kernel parameter.</summary>
public sealed class SystemControl
{
    /// <summary>The parameter, for example net.core.somaxconn.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    /// <summary>Its value.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}

/// <summary>A GPU or accelerator reservation.</summary>
public sealed class ResourceRequirement
{
    /// <summary>How many GPUs, or the accelerator's deviceName.</summary>
    [Required]
    [JsonPropertyName("value")]
    public string Value { get; set; } = string.Empty;

    /// <summary>GPU or InferenceAccelerator.</summary>
    [Required]
    [EnumValues(typeof(ResourceType))]
    [JsonPropertyName("type")]
    public string Type { get; set; } = ResourceType.Gpu;
}

/// <summary>FireLens log router settings.</summary>
public sealed class FirelensConfiguration
{
    /// <summary>fluentd or fluentbit.</summary>
    [Required]
    [EnumValues(typeof(FirelensConfigurationType))]
    [JsonPropertyName("type")]
    public string Type { get; set; } = FirelensConfigurationType.Fluentbit;

    /// <summary>Router options, for example enable-ecs-log-metadata or config-file-value.</summary>
    [JsonPropertyName("options")]
    public IDictionary<string, string>? Options { get; set; }
}

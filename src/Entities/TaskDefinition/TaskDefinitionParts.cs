using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>A cluster query expression the container instance must match (EC2 only).</summary>
public sealed class TaskDefinitionPlacementConstraint
{
    /// <summary>Only memberOf.</summary>
    [EnumValues(typeof(TaskDefinitionPlacementConstraintType))]
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>A cluster query, for example attribute:ecs.instance-type =~ t3.*.</summary>
    [MaxLength(2000)]
    [JsonPropertyName("expression")]
    public string? Expression { get; set; }
}

/// <summary>The App Mesh proxy (Envoy) container and its settings.</summary>
public sealed class ProxyConfiguration
{
    /// <summary>Only APPMESH.</summary>
    [EnumValues(typeof(ProxyConfigurationType))]
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The name of the proxy container in containerDefinitions.</summary>
    [Required]
    [JsonPropertyName("containerName")]
    public string ContainerName { get; set; } = string.Empty;

    /// <summary>Proxy settings such as IgnoredUID, ProxyIngressPort, ProxyEgressPort and AppPorts.</summary>
    [JsonPropertyName("properties")]
    public IList<NameValuePair>? Properties { get; set; }
}

/// <summary>An Elastic Inference accelerator.</summary>
public sealed class InferenceAccelerator
{
    /// <summary>The name resourceRequirements refer to.</summary>
    [Required]
    [JsonPropertyName("deviceName")]
    public string DeviceName { get; set; } = string.Empty;

    /// <summary>The accelerator type, for example eia2.medium.</summary>
    [Required]
    [JsonPropertyName("deviceType")]
    public string DeviceType { get; set; } = string.Empty;
}

/// <summary>Fargate ephemeral storage.</summary>
public sealed class EphemeralStorage
{
    /// <summary>Total size in GiB, 21 to 200.</summary>
    [Required]
    [Range(21, 200)]
    [JsonPropertyName("sizeInGiB")]
    public int SizeInGiB { get; set; }
}

/// <summary>The platform the task's containers need.</summary>
public sealed class RuntimePlatform
{
    /// <summary>X86_64 or ARM64.</summary>
    [EnumValues(typeof(CPUArchitecture))]
    [JsonPropertyName("cpuArchitecture")]
    public string? CpuArchitecture { get; set; }

    /// <summary>LINUX or a Windows Server edition.</summary>
    [EnumValues(typeof(OSFamily))]
    [JsonPropertyName("operatingSystemFamily")]
    public string? OperatingSystemFamily { get; set; }
}

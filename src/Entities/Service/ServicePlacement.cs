using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>A rule for which container instances may run the service's tasks.</summary>
public sealed class PlacementConstraint
{
    /// <summary>distinctInstance (one task per instance) or memberOf (an expression).</summary>
    [EnumValues(typeof(PlacementConstraintType))]
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The cluster query for memberOf.</summary>
    [MaxLength(2000)]
    [JsonPropertyName("expression")]
    public string? Expression { get; set; }
}

/// <summary>How tasks are spread over container instances.</summary>
public sealed class PlacementStrategy
{
    /// <summary>random, spread (evenly by field) or binpack (fill by cpu or memory).</summary>
    [EnumValues(typeof(PlacementStrategyType))]
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>What to spread or pack by, for example attribute:ecs.availability-zone, instanceId or memory.</summary>
    [MaxLength(255)]
    [JsonPropertyName("field")]
    public string? Field { get; set; }
}

/// <summary>A Cloud Map service the tasks register in.</summary>
public sealed class ServiceRegistry
{
    /// <summary>The Cloud Map service ARN.</summary>
    [JsonPropertyName("registryArn")]
    public string? RegistryArn { get; set; }

    /// <summary>The port for SRV records (awsvpc).</summary>
    [Range(0, 65535)]
    [JsonPropertyName("port")]
    public int? Port { get; set; }

    /// <summary>The container whose port is registered (bridge and host modes).</summary>
    [JsonPropertyName("containerName")]
    public string? ContainerName { get; set; }

    /// <summary>The container port registered (bridge and host modes).</summary>
    [Range(0, 65535)]
    [JsonPropertyName("containerPort")]
    public int? ContainerPort { get; set; }
}

/// <summary>A VPC Lattice target group the tasks join.</summary>
public sealed class VpcLatticeConfiguration
{
    /// <summary>The role ECS uses to register tasks.</summary>
    [Required]
    [JsonPropertyName("roleArn")]
    public string RoleArn { get; set; } = string.Empty;

    /// <summary>The VPC Lattice target group ARN.</summary>
    [Required]
    [JsonPropertyName("targetGroupArn")]
    public string TargetGroupArn { get; set; } = string.Empty;

    /// <summary>The named port mapping traffic goes to.</summary>
    [Required]
    [JsonPropertyName("portName")]
    public string PortName { get; set; } = string.Empty;
}

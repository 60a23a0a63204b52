using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>The ECS cluster the user asks for.</summary>
public sealed class ClusterSpec : IDeletionPolicySpec
{
    /// <summary>The ECS cluster name. Defaults to metadata.name; cannot be changed once set.</summary>
    [MaxLength(255)]
    [JsonPropertyName("clusterName")]
    public string? ClusterName { get; set; }

    /// <summary>CloudWatch Container Insights: enabled, enhanced (adds per-task and per-container metrics) or disabled.</summary>
    [EnumValues(typeof(ContainerInsights))]
    [JsonPropertyName("containerInsights")]
    public string? ContainerInsights { get; set; }

    /// <summary>Capacity providers the cluster may use, for example FARGATE and FARGATE_SPOT, or Auto Scaling group providers.</summary>
    [MaxLength(20)]
    [ItemMaxLength(255)]
    [JsonPropertyName("capacityProviders")]
    public IList<string>? CapacityProviders { get; set; }

    /// <summary>The strategy services use when they set neither launchType nor capacityProviderStrategy.</summary>
    [MaxLength(20)]
    [JsonPropertyName("defaultCapacityProviderStrategy")]
    public IList<CapacityProviderStrategyItem>? DefaultCapacityProviderStrategy { get; set; }

    /// <summary>ECS Exec logging and managed storage encryption.</summary>
    [JsonPropertyName("configuration")]
    public ClusterConfiguration? Configuration { get; set; }

    /// <summary>The Cloud Map namespace Service Connect services in this cluster use by default.</summary>
    [JsonPropertyName("serviceConnectDefaults")]
    public ClusterServiceConnectDefaults? ServiceConnectDefaults { get; set; }

    /// <summary>Tags for the cluster, merged with the operator's ownership tags.</summary>
    [TagMap]
    [JsonPropertyName("tags")]
    public IDictionary<string, string>? Tags { get; set; }

    /// <summary>Delete (default) removes the ECS cluster with the object; Retain leaves it. Adopted clusters default to Retain.</summary>
    [JsonPropertyName("deletionPolicy")]
    public DeletionPolicy? DeletionPolicy { get; set; }
}

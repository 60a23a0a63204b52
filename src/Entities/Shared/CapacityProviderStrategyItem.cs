using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace EcsOperator.Entities;

/// <summary>One capacity provider and its share of the tasks.</summary>
public sealed class CapacityProviderStrategyItem
{
    /// <summary>The capacity provider's name, for example FARGATE or FARGATE_SPOT.</summary>
    [Required]
    [MaxLength(255)]
    [JsonPropertyName("capacityProvider")]
    public string CapacityProvider { get; set; } = string.Empty;

    /// <summary>Relative share of the tasks placed beyond the base; 0 means none.</summary>
    [Range(0, 1000)]
    [JsonPropertyName("weight")]
    public int? Weight { get; set; }

    /// <summary>Tasks placed on this provider first, before weights apply. Only one provider may set it.</summary>
    [Range(0, 100000)]
    [JsonPropertyName("base")]
    public int? Base { get; set; }
}

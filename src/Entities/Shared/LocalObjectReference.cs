using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace EcsOperator.Entities;

/// <summary>A reference to another object of this API in the same namespace.</summary>
public sealed class LocalObjectReference
{
    /// <summary>The referenced object's metadata.name.</summary>
    [Required]
    [MaxLength(253)]
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;
}

using System.Text.Json.Serialization;

namespace EcsOperator.Entities;

/// <summary>A reference to another object of this API in the same namespace.</summary>
public sealed class LocalObjectReference
{
    /// <summary>The referenced object's metadata.name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;
}

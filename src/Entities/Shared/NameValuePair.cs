using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>A name and a value, as ECS writes environment variables and proxy properties (its KeyValuePair shape).</summary>
public sealed class NameValuePair
{
    /// <summary>The variable or property name.</summary>
    [Required]
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Its value; absent means the empty string.</summary>
    [FreeText]
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}

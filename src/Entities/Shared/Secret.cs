using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace EcsOperator.Entities;

/// <summary>A value injected from Secrets Manager or SSM Parameter Store at task start; never stored in the spec.</summary>
public sealed class Secret
{
    /// <summary>The environment variable (or log option) name the value is exposed as.</summary>
    [Required]
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The ARN (or, in the same Region, the name) of the secret or parameter; a JSON key suffix selects one field.</summary>
    [Required]
    [JsonPropertyName("valueFrom")]
    public string ValueFrom { get; set; } = string.Empty;
}

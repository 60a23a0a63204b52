using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>A rule on an existing ALB listener that forwards matching requests to the binding's target group.</summary>
[CelRule("has(self.hostHeaders) || has(self.pathPatterns)", "set hostHeaders, pathPatterns or both: a listener rule needs a condition")]
public sealed class ListenerRuleSpec
{
    /// <summary>The listener's ARN.</summary>
    [Required]
    [MaxLength(2048)]
    [JsonPropertyName("arn")]
    public string Arn { get; set; } = string.Empty;

    /// <summary>The rule's priority on the listener, unique per listener; lower runs first.</summary>
    [Required]
    [Range(1, 50000)]
    [JsonPropertyName("priority")]
    public int Priority { get; set; }

    /// <summary>Host names to match, wildcards allowed (*.example.com).</summary>
    [MinLength(1)]
    [MaxLength(5)]
    [ItemMaxLength(128)]
    [JsonPropertyName("hostHeaders")]
    public IList<string>? HostHeaders { get; set; }

    /// <summary>Paths to match, wildcards allowed (/api/*).</summary>
    [MinLength(1)]
    [MaxLength(5)]
    [ItemMaxLength(128)]
    [JsonPropertyName("pathPatterns")]
    public IList<string>? PathPatterns { get; set; }
}

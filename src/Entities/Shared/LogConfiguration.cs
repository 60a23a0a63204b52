using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>Where a container's stdout and stderr go.</summary>
public sealed class LogConfiguration
{
    /// <summary>The Docker log driver; Fargate supports awslogs, splunk and awsfirelens.</summary>
    [Required]
    [EnumValues(typeof(LogDriver))]
    [JsonPropertyName("logDriver")]
    public string LogDriver { get; set; } = string.Empty;

    /// <summary>Driver options, for awslogs: awslogs-group, awslogs-region, awslogs-stream-prefix and so on.</summary>
    [FreeText]
    [JsonPropertyName("options")]
    public IDictionary<string, string>? Options { get; set; }

    /// <summary>Driver options whose values come from secrets, for example a Splunk token.</summary>
    [JsonPropertyName("secretOptions")]
    public IList<Secret>? SecretOptions { get; set; }
}

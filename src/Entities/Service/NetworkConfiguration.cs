using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>Networking for awsvpc tasks.</summary>
public sealed class NetworkConfiguration
{
    /// <summary>Subnets, security groups and public IP assignment.</summary>
    [JsonPropertyName("awsvpcConfiguration")]
    public AwsVpcConfiguration? AwsvpcConfiguration { get; set; }
}

/// <summary>Where each task's elastic network interface is placed.</summary>
public sealed class AwsVpcConfiguration
{
    /// <summary>Subnet ids (at most 16), all in one VPC.</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(16)]
    [ItemMaxLength(64)]
    [JsonPropertyName("subnets")]
    public IList<string> Subnets { get; set; } = [];

    /// <summary>Security group ids (at most 5); the VPC's default group when left out.</summary>
    [MaxLength(5)]
    [ItemMaxLength(64)]
    [JsonPropertyName("securityGroups")]
    public IList<string>? SecurityGroups { get; set; }

    /// <summary>Give each task a public IP (ENABLED), needed in public subnets without a NAT gateway.</summary>
    [EnumValues(typeof(AssignPublicIp))]
    [JsonPropertyName("assignPublicIp")]
    public string? AssignPublicIp { get; set; }
}

using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>A target group owned by the binding (ELBv2 CreateTargetGroup, in camelCase).</summary>
public sealed class TargetGroupSpec
{
    /// <summary>The target group name; derived from namespace and name when left out (ELB allows 32 characters).</summary>
    [MaxLength(32)]
    [RegularExpression("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$")]
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>HTTP or HTTPS for an ALB; TCP, TLS, UDP or TCP_UDP for an NLB.</summary>
    [Required]
    [EnumValues(typeof(TargetGroupProtocol))]
    [JsonPropertyName("protocol")]
    public string Protocol { get; set; } = TargetGroupProtocol.Http;

    /// <summary>HTTP1, HTTP2 or GRPC, for HTTP and HTTPS target groups.</summary>
    [MaxLength(16)]
    [JsonPropertyName("protocolVersion")]
    public string? ProtocolVersion { get; set; }

    /// <summary>The port targets receive traffic on (the container port for ip targets).</summary>
    [Required]
    [Range(1, 65535)]
    [JsonPropertyName("port")]
    public int Port { get; set; }

    /// <summary>The VPC of the service's subnets.</summary>
    [Required]
    [MaxLength(64)]
    [JsonPropertyName("vpcId")]
    public string VpcId { get; set; } = string.Empty;

    /// <summary>ip for awsvpc tasks (Fargate), instance for bridge or host mode.</summary>
    [EnumValues(typeof(TargetType))]
    [JsonPropertyName("targetType")]
    public string? TargetType { get; set; }

    /// <summary>ipv4 (default) or ipv6.</summary>
    [EnumValues(typeof(TargetGroupIpAddressType))]
    [JsonPropertyName("ipAddressType")]
    public string? IpAddressType { get; set; }

    /// <summary>How the load balancer decides a task is healthy.</summary>
    [JsonPropertyName("healthCheck")]
    public TargetGroupHealthCheck? HealthCheck { get; set; }

    /// <summary>
    /// Seconds a draining target keeps its connections (deregistration_delay.timeout_seconds, 0-3600). ELB's default
    /// is 300 s, which also slows every rollout and teardown by five minutes; set it lower for fast deploys.
    /// </summary>
    [Range(0, 3600)]
    [JsonPropertyName("deregistrationDelaySeconds")]
    public int? DeregistrationDelaySeconds { get; set; }

    /// <summary>Seconds a new target's share of traffic ramps up (slow_start.duration_seconds: 0 = off, or 30-900; HTTP and HTTPS only).</summary>
    [Range(0, 900)]
    [JsonPropertyName("slowStartSeconds")]
    public int? SlowStartSeconds { get; set; }

    /// <summary>Session stickiness: requests of one client go to the same task.</summary>
    [JsonPropertyName("stickiness")]
    public TargetGroupStickiness? Stickiness { get; set; }
}

/// <summary>Target group stickiness (the stickiness.* attributes).</summary>
public sealed class TargetGroupStickiness
{
    /// <summary>Turn stickiness on or off.</summary>
    [Required]
    [JsonPropertyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary>lb_cookie or app_cookie (ALB), source_ip, source_ip_dest_ip or source_ip_dest_ip_proto (NLB).</summary>
    [EnumValues(typeof(StickinessType))]
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>How long the load balancer's cookie lasts, in seconds (1-604800; lb_cookie and app_cookie).</summary>
    [Range(1, 604800)]
    [JsonPropertyName("cookieDurationSeconds")]
    public int? CookieDurationSeconds { get; set; }

    /// <summary>The application's cookie name (app_cookie only).</summary>
    [MaxLength(255)]
    [JsonPropertyName("cookieName")]
    public string? CookieName { get; set; }
}

/// <summary>Target group health checks; ELB's defaults apply to what is left out.</summary>
public sealed class TargetGroupHealthCheck
{
    /// <summary>Run health checks (always on for ip targets).</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; set; }

    /// <summary>The protocol of the check; defaults to the target group's.</summary>
    [EnumValues(typeof(TargetGroupProtocol))]
    [JsonPropertyName("protocol")]
    public string? Protocol { get; set; }

    /// <summary>The port to check, or traffic-port (default).</summary>
    [MaxLength(16)]
    [JsonPropertyName("port")]
    public string? Port { get; set; }

    /// <summary>The HTTP path to request, for example /healthz.</summary>
    [MaxLength(1024)]
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>Seconds between checks (5-300).</summary>
    [Range(5, 300)]
    [JsonPropertyName("intervalSeconds")]
    public int? IntervalSeconds { get; set; }

    /// <summary>Seconds without an answer that count as a failure (2-120).</summary>
    [Range(2, 120)]
    [JsonPropertyName("timeoutSeconds")]
    public int? TimeoutSeconds { get; set; }

    /// <summary>Successes in a row before a target is healthy (2-10).</summary>
    [Range(2, 10)]
    [JsonPropertyName("healthyThresholdCount")]
    public int? HealthyThresholdCount { get; set; }

    /// <summary>Failures in a row before a target is unhealthy (2-10).</summary>
    [Range(2, 10)]
    [JsonPropertyName("unhealthyThresholdCount")]
    public int? UnhealthyThresholdCount { get; set; }

    /// <summary>The HTTP codes that mean healthy, for example "200" or "200-399".</summary>
    [MaxLength(64)]
    [JsonPropertyName("httpCode")]
    public string? HttpCode { get; set; }

    /// <summary>The gRPC codes that mean healthy, for example "0" or "0-99".</summary>
    [MaxLength(64)]
    [JsonPropertyName("grpcCode")]
    public string? GrpcCode { get; set; }
}

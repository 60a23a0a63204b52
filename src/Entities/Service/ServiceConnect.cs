using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>Service Connect for a service.</summary>
public sealed class ServiceConnectConfiguration
{
    /// <summary>Turn Service Connect on.</summary>
    [Required]
    [JsonPropertyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary>The Cloud Map namespace; the cluster's serviceConnectDefaults when left out.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    /// <summary>Named ports this service exposes to the others (leave out for a client-only service).</summary>
    [JsonPropertyName("services")]
    public IList<ServiceConnectService>? Services { get; set; }

    /// <summary>Where the Service Connect proxy's logs go.</summary>
    [JsonPropertyName("logConfiguration")]
    public LogConfiguration? LogConfiguration { get; set; }

    /// <summary>Access logs of the proxy.</summary>
    [JsonPropertyName("accessLogConfiguration")]
    public ServiceConnectAccessLogConfiguration? AccessLogConfiguration { get; set; }
}

/// <summary>A named port published through Service Connect.</summary>
public sealed class ServiceConnectService
{
    /// <summary>The portMappings name in the task definition.</summary>
    [Required]
    [JsonPropertyName("portName")]
    public string PortName { get; set; } = string.Empty;

    /// <summary>The name registered in Cloud Map; defaults to portName.</summary>
    [JsonPropertyName("discoveryName")]
    public string? DiscoveryName { get; set; }

    /// <summary>The DNS names and ports clients use.</summary>
    [JsonPropertyName("clientAliases")]
    public IList<ServiceConnectClientAlias>? ClientAliases { get; set; }

    /// <summary>The port the proxy listens on, when not the container port.</summary>
    [Range(0, 65535)]
    [JsonPropertyName("ingressPortOverride")]
    public int? IngressPortOverride { get; set; }

    /// <summary>Idle and per-request timeouts of the proxy.</summary>
    [JsonPropertyName("timeout")]
    public TimeoutConfiguration? Timeout { get; set; }

    /// <summary>TLS between proxies, with certificates from AWS Private CA.</summary>
    [JsonPropertyName("tls")]
    public ServiceConnectTlsConfiguration? Tls { get; set; }
}

/// <summary>A DNS name and port clients reach the service on.</summary>
public sealed class ServiceConnectClientAlias
{
    /// <summary>The port clients connect to.</summary>
    [Required]
    [Range(0, 65535)]
    [JsonPropertyName("port")]
    public int Port { get; set; }

    /// <summary>The DNS name clients use; defaults to discoveryName.namespace.</summary>
    [JsonPropertyName("dnsName")]
    public string? DnsName { get; set; }

    /// <summary>Send requests that match a header to the new revision during blue/green testing.</summary>
    [JsonPropertyName("testTrafficRules")]
    public ServiceConnectTestTrafficRules? TestTrafficRules { get; set; }
}

/// <summary>Which requests count as test traffic.</summary>
public sealed class ServiceConnectTestTrafficRules
{
    /// <summary>The header match.</summary>
    [Required]
    [JsonPropertyName("header")]
    public ServiceConnectTestTrafficHeaderRules Header { get; set; } = new();
}

/// <summary>A header that marks test traffic.</summary>
public sealed class ServiceConnectTestTrafficHeaderRules
{
    /// <summary>The header name.</summary>
    [Required]
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The value to match; any value when left out.</summary>
    [JsonPropertyName("value")]
    public ServiceConnectTestTrafficHeaderMatchRules? Value { get; set; }
}

/// <summary>A header value match.</summary>
public sealed class ServiceConnectTestTrafficHeaderMatchRules
{
    /// <summary>The exact value.</summary>
    [Required]
    [JsonPropertyName("exact")]
    public string Exact { get; set; } = string.Empty;
}

/// <summary>Proxy timeouts.</summary>
public sealed class TimeoutConfiguration
{
    /// <summary>Seconds a connection may stay idle.</summary>
    [JsonPropertyName("idleTimeoutSeconds")]
    public int? IdleTimeoutSeconds { get; set; }

    /// <summary>Seconds a request may take end to end.</summary>
    [JsonPropertyName("perRequestTimeoutSeconds")]
    public int? PerRequestTimeoutSeconds { get; set; }
}

/// <summary>Service Connect TLS.</summary>
public sealed class ServiceConnectTlsConfiguration
{
    /// <summary>The private CA that issues the certificates.</summary>
    [Required]
    [JsonPropertyName("issuerCertificateAuthority")]
    public ServiceConnectTlsCertificateAuthority IssuerCertificateAuthority { get; set; } = new();

    /// <summary>The KMS key that protects the private keys.</summary>
    [JsonPropertyName("kmsKey")]
    public string? KmsKey { get; set; }

    /// <summary>The role ECS uses to reach Private CA.</summary>
    [JsonPropertyName("roleArn")]
    public string? RoleArn { get; set; }
}

/// <summary>An AWS Private CA.</summary>
public sealed class ServiceConnectTlsCertificateAuthority
{
    /// <summary>The Private CA ARN.</summary>
    [JsonPropertyName("awsPcaAuthorityArn")]
    public string? AwsPcaAuthorityArn { get; set; }
}

/// <summary>Service Connect access logs.</summary>
public sealed class ServiceConnectAccessLogConfiguration
{
    /// <summary>TEXT or JSON.</summary>
    [Required]
    [EnumValues(typeof(ServiceConnectAccessLoggingFormat))]
    [JsonPropertyName("format")]
    public string Format { get; set; } = ServiceConnectAccessLoggingFormat.Text;

    /// <summary>Include query strings (ENABLED) or not.</summary>
    [EnumValues(typeof(ServiceConnectIncludeQueryParameters))]
    [JsonPropertyName("includeQueryParameters")]
    public string? IncludeQueryParameters { get; set; }
}

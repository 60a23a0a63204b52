using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>A rule on an existing ALB listener that forwards matching requests to the binding's target group.</summary>
[CelRule(
    "has(self.hostHeaders) || has(self.pathPatterns) || has(self.httpHeaders) || has(self.queryStrings)",
    "set hostHeaders, pathPatterns, httpHeaders or queryStrings: a listener rule needs a condition")]
public sealed class ListenerRuleSpec
{
    /// <summary>The listener's ARN (an ALB listener: rules exist on ALB listeners only).</summary>
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

    /// <summary>HTTP headers to match: each entry matches when the header has one of its values.</summary>
    [MinLength(1)]
    [MaxLength(5)]
    [JsonPropertyName("httpHeaders")]
    public IList<HttpHeaderMatch>? HttpHeaders { get; set; }

    /// <summary>Query string parameters to match; one entry matches when any of its pairs matches.</summary>
    [MinLength(1)]
    [MaxLength(5)]
    [JsonPropertyName("queryStrings")]
    public IList<QueryStringMatch>? QueryStrings { get; set; }
}

/// <summary>An http-header condition: the header's name and the values that match (wildcards allowed).</summary>
public sealed class HttpHeaderMatch
{
    /// <summary>The header name, for example X-Canary.</summary>
    [Required]
    [MaxLength(40)]
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Values that match, compared case-insensitively.</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(5)]
    [ItemMaxLength(128)]
    [JsonPropertyName("values")]
    public IList<string> Values { get; set; } = [];
}

/// <summary>A query-string condition: key/value pairs, any of which matches.</summary>
public sealed class QueryStringMatch
{
    /// <summary>The pairs; a pair without a key matches the value anywhere in the query string.</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(5)]
    [JsonPropertyName("values")]
    public IList<QueryStringPair> Values { get; set; } = [];
}

/// <summary>One key/value pair of a query-string condition (wildcards allowed).</summary>
public sealed class QueryStringPair
{
    /// <summary>The parameter name; leave out to match the value in any parameter.</summary>
    [MaxLength(128)]
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    /// <summary>The value to match.</summary>
    [Required]
    [MaxLength(128)]
    [JsonPropertyName("value")]
    public string Value { get; set; } = string.Empty;
}

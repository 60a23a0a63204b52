using System.Text.Json.Serialization;

namespace EcsOperator.Entities;

/// <summary>One kstatus condition (Ready, Reconciling or Stalled).</summary>
public sealed class Condition
{
    /// <summary>The condition type: Ready, Reconciling or Stalled.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = string.Empty;

    /// <summary>True, False or Unknown.</summary>
    [JsonPropertyName("status")]
    public string Status { get; set; } = ConditionStatus.Unknown;

    /// <summary>A CamelCase word for the cause, for example InvalidSpec or DependencyNotReady.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>A human-readable explanation; names the field when the spec is at fault.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>When the status last flipped.</summary>
    [JsonPropertyName("lastTransitionTime")]
    public DateTimeOffset? LastTransitionTime { get; set; }

    /// <summary>The metadata.generation this condition was computed from.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }
}

/// <summary>The three values of <see cref="Condition.Status"/>.</summary>
public static class ConditionStatus
{
    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";
}

/// <summary>The kstatus condition types the operator sets.</summary>
public static class ConditionTypes
{
    public const string Ready = "Ready";
    public const string Reconciling = "Reconciling";
    public const string Stalled = "Stalled";
}

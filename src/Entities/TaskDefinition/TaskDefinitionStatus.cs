using System.Text.Json.Serialization;

namespace EcsOperator.Entities;

/// <summary>What ECS reports about the revision that matches the current spec.</summary>
public sealed class TaskDefinitionStatus : ResourceStatus
{
    /// <summary>The ARN of the revision that matches the spec; services referencing this object use it.</summary>
    [JsonPropertyName("arn")]
    public string? Arn { get; set; }

    /// <summary>The family in use (spec.family or metadata.name).</summary>
    [JsonPropertyName("family")]
    public string? Family { get; set; }

    /// <summary>The revision number that matches the spec.</summary>
    [JsonPropertyName("revision")]
    public int? Revision { get; set; }

    /// <summary>How many ACTIVE revisions registered by the operator exist in the family.</summary>
    [JsonPropertyName("activeRevisions")]
    public int? ActiveRevisions { get; set; }

    /// <summary>
    /// The revisions this object has used, most recent first: revisionHistoryLimit keeps the most recently used ones,
    /// so a revert to an old revision keeps it.
    /// </summary>
    [JsonPropertyName("recentRevisions")]
    public IList<int>? RecentRevisions { get; set; }
}

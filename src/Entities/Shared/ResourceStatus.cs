using System.Text.Json.Serialization;

namespace EcsOperator.Entities;

/// <summary>The status fields every kind shares: kstatus conditions and the generation they describe.</summary>
public class ResourceStatus
{
    /// <summary>The metadata.generation that this status describes.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>Ready, Reconciling and Stalled, in the kstatus convention.</summary>
    [JsonPropertyName("conditions")]
    public IList<Condition> Conditions { get; set; } = [];
}

using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace EcsOperator.Entities;

/// <summary>
/// The common shape of every ecs-operator kind: metadata, a spec the user owns, and a status the operator owns.
/// The runtime is generic over this type, so adding a kind is a registration, not a copy.
/// </summary>
public abstract class CustomResource<TSpec, TStatus> : IKubernetesObject<V1ObjectMeta>, ISpec<TSpec>, IStatus<TStatus>, IEcsResource
    where TSpec : new()
    where TStatus : ResourceStatus, new()
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = EntityGroup.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = string.Empty;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>What the user asks for.</summary>
    [JsonPropertyName("spec")]
    public TSpec Spec { get; set; } = new();

    /// <summary>What AWS reports, written by the operator only.</summary>
    [JsonPropertyName("status")]
    public TStatus Status { get; set; } = new();

    [JsonIgnore]
    ResourceStatus IEcsResource.ResourceStatus => Status;

    [JsonIgnore]
    DeletionPolicy? IEcsResource.DeletionPolicy => (Spec as IDeletionPolicySpec)?.DeletionPolicy;
}

/// <summary>Non-generic view of any ecs-operator object, for runtime code that handles every kind alike.</summary>
public interface IEcsResource : IKubernetesObject<V1ObjectMeta>
{
    ResourceStatus ResourceStatus { get; }

    /// <summary>spec.deletionPolicy; null means the default (Delete, or Retain for an adopted resource).</summary>
    DeletionPolicy? DeletionPolicy { get; }
}

using System.Text.Json.Serialization;

namespace EcsOperator.Entities;

/// <summary>What happens to the AWS side when the Kubernetes object is deleted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeletionPolicy>))]
public enum DeletionPolicy
{
    /// <summary>Delete the AWS resources the object created (the default, except for adopted resources).</summary>
    Delete,

    /// <summary>Leave the AWS resources in place and only release the Kubernetes object.</summary>
    Retain,
}

/// <summary>Every kind's spec carries a deletion policy; the reconcile template reads it through this.</summary>
public interface IDeletionPolicySpec
{
    DeletionPolicy? DeletionPolicy { get; }
}

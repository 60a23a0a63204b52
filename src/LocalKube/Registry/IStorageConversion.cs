using System.Text.Json.Nodes;

namespace LocalKube.Registry;

/// <summary>
/// Converts between a type's wire form and the form its shared storage holds, for types that another group's type
/// stores (events.k8s.io/v1 Events live in core/v1 Event storage, as in kube-apiserver).
/// </summary>
public interface IStorageConversion
{
    /// <summary>From this type's shape to the stored shape (a new object).</summary>
    JsonObject ToStorage(JsonObject obj);

    /// <summary>From the stored shape to this type's shape (a new object).</summary>
    JsonObject FromStorage(JsonObject stored);
}

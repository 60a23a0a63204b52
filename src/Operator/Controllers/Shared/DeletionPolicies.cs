using EcsOperator.Entities;
using k8s.Models;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// The deletion policy in effect. An object carrying the adopt annotation defaults to Retain: adopting must never
/// put pre-existing infrastructure one `kubectl delete` away from destruction. The annotation stays on the object,
/// so this holds across restarts without remembering anything else.
/// </summary>
public static class DeletionPolicies
{
    public static DeletionPolicy Effective(DeletionPolicy? spec, V1ObjectMeta metadata) =>
        spec ?? (Adoption.IsRequested(metadata) ? DeletionPolicy.Retain : DeletionPolicy.Delete);
}

/// <summary>The adopt annotation (DESIGN.md §5).</summary>
public static class Adoption
{
    public static bool IsRequested(V1ObjectMeta metadata) =>
        metadata?.Annotations?.TryGetValue(WellKnown.AdoptAnnotation, out var value) == true
        && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}

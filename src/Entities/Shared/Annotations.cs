namespace EcsOperator.Entities;

/// <summary>Well-known annotation, finalizer and tag keys under the operator's prefix.</summary>
public static class WellKnown
{
    public const string Prefix = "ecs.operator.dev/";

    /// <summary>The finalizer the operator puts on every object before its first AWS call.</summary>
    public const string Finalizer = Prefix + "finalizer";

    /// <summary>Set to "paused" to make the operator skip the object, drift correction and deletion included.</summary>
    public const string ReconcileAnnotation = Prefix + "reconcile";

    /// <summary>The value of <see cref="ReconcileAnnotation"/> that pauses the object.</summary>
    public const string Paused = "paused";

    /// <summary>A new value (any string, e.g. a timestamp) forces one new deployment of a Service, as `kubectl rollout restart` does.</summary>
    public const string RestartedAtAnnotation = Prefix + "restartedAt";

    /// <summary>Set to "true" to let the operator take over an existing, unowned AWS resource.</summary>
    public const string AdoptAnnotation = Prefix + "adopt";

    /// <summary>Ownership tag: namespace/kind/name (hash-shortened past 256 characters).</summary>
    public const string OwnerTag = Prefix + "owner";

    /// <summary>Ownership tag: the Kubernetes cluster's id (the kube-system namespace UID by default).</summary>
    public const string ClusterIdTag = Prefix + "cluster-id";

    /// <summary>
    /// Tag on each task definition revision the operator registers: the hash of the spec it came from, so a
    /// restart finds the matching ACTIVE revision instead of registering a duplicate.
    /// </summary>
    public const string SpecHashTag = Prefix + "spec-hash";
}

namespace EcsOperator.Gc;

/// <summary>The AWS resource kinds gc looks at, in the order --confirm deletes them (dependents first).</summary>
public enum GcKind
{
    EcsService,
    ListenerRule,
    TargetGroup,
    TaskDefinitionRevision,
    EcsCluster,
}

/// <summary>
/// One AWS resource that carries a cluster-id tag, with what deleting it needs: <paramref name="Parent"/> is the ECS
/// cluster of a service; <paramref name="Status"/> is ECS's (ACTIVE, INACTIVE...) where it has one.
/// </summary>
public sealed record GcResource(GcKind Kind, string Arn, IReadOnlyDictionary<string, string> Tags, string? Parent = null, string? Status = null)
{
    /// <summary>An ACTIVE REPLICA service above 0 is scaled down before it is deleted, as the Service teardown does.</summary>
    public bool NeedsScaleDown { get; init; }
}

/// <summary>A resource that no live object owns, and why.</summary>
public sealed record Orphan(GcResource Resource, string Reason);

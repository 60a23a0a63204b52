namespace EcsOperator.Controllers.Shared;

/// <summary>
/// The spec with its references resolved (ACK's "desired resource"), or why it cannot be yet: a dependency that is
/// not Ready, or a check that needs the referenced objects and failed.
/// </summary>
public sealed record Resolution<TDesired>(TDesired? Desired, SyncOutcome? Blocked)
    where TDesired : class;

/// <summary>The ways a <see cref="Resolution{TDesired}"/> ends.</summary>
public static class Resolution
{
    public static Resolution<TDesired> Resolved<TDesired>(TDesired desired)
        where TDesired : class => new(desired, null);

    /// <summary>Reconciling/DependencyNotReady: the dependency's own changes requeue the object through an index.</summary>
    public static Resolution<TDesired> NotReady<TDesired>(string message, TimeSpan recheck)
        where TDesired : class => new(null, SyncOutcome.Reconciling(ConditionReasons.DependencyNotReady, message, recheck));

    /// <summary>A check that needed the references failed, or another outcome that ends the reconcile early.</summary>
    public static Resolution<TDesired> Stop<TDesired>(SyncOutcome outcome)
        where TDesired : class => new(null, outcome);
}

/// <summary>One reconcile's inputs after the shared steps: the object, its resolved desired state, its ownership tags.</summary>
public sealed record SyncContext<TEntity, TDesired>(TEntity Object, TDesired Desired, OwnershipTags Ownership);

namespace EcsOperator.Runtime.Cache;

public enum InformerEventType
{
    Added,
    Updated,
    Deleted,
}

/// <summary>One change the informer saw: <see cref="Old"/> is set for updates (and deletes), <see cref="Object"/> always.</summary>
public sealed record InformerEvent<TEntity>(InformerEventType Type, TEntity Object, TEntity? Old = null)
    where TEntity : class;

namespace EcsOperator.Runtime.Client;

/// <summary>A full list and the resourceVersion to start watching from.</summary>
public sealed record ResourceList<TEntity>(IReadOnlyList<TEntity> Items, string ResourceVersion);

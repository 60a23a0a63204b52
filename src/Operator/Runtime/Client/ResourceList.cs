namespace EcsOperator.Runtime.Client;

/// <summary>
/// A full list and the resourceVersion to start watching from. Objects that exist but could not be read as the
/// entity type are in <see cref="Undecodable"/>, not in <see cref="Items"/>: one bad object must not hide the rest.
/// </summary>
public sealed record ResourceList<TEntity>(IReadOnlyList<TEntity> Items, string ResourceVersion, IReadOnlyList<UndecodableObject> Undecodable)
{
    public ResourceList(IReadOnlyList<TEntity> items, string resourceVersion)
        : this(items, resourceVersion, [])
    {
    }
}

namespace EcsOperator.Runtime.Cache;

/// <summary>
/// A secondary index on an informer cache: a name and a function from an object to the values it is found under,
/// for example "clusterRef" → ["ns/cluster-name"].
/// </summary>
public sealed record IndexDefinition<TEntity>(string Name, Func<TEntity, IEnumerable<string>> ValuesOf);

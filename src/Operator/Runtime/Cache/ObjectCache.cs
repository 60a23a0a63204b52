using EcsOperator.Runtime.Reconcile;
using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Cache;

/// <summary>
/// The informer's thread-safe store: objects by "namespace/name", plus secondary indexes. Readers get deep copies,
/// so a reconciler can change an object (its status) without corrupting what every other reader sees.
/// </summary>
public sealed class ObjectCache<TEntity> : IResourceCache<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TEntity> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndexDefinition<TEntity>> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _indexes = new(StringComparer.Ordinal);

    public ObjectCache(IEnumerable<IndexDefinition<TEntity>>? indexes = null)
    {
        foreach (var index in indexes ?? [])
        {
            _definitions[index.Name] = index;
            _indexes[index.Name] = new(StringComparer.Ordinal);
        }
    }

    public event Action<ReconcileRequest>? Removed;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _objects.Count;
            }
        }
    }

    public TEntity? Get(ReconcileRequest request)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(request.ToString(), out var found) ? Clone(found) : null;
        }
    }

    public string? ResourceVersion(ReconcileRequest request)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(request.ToString(), out var found) ? found.Metadata.ResourceVersion : null;
        }
    }

    public IReadOnlyList<TEntity> List()
    {
        lock (_gate)
        {
            return [.. _objects.Values.Select(Clone)];
        }
    }

    public IReadOnlyList<ReconcileRequest> Keys()
    {
        lock (_gate)
        {
            return [.. _objects.Keys.Select(ReconcileRequest.Parse)];
        }
    }

    public IReadOnlyList<TEntity> ByIndex(string indexName, string value)
    {
        lock (_gate)
        {
            if (!_indexes.TryGetValue(indexName, out var index))
            {
                throw new ArgumentException($"No index named '{indexName}' is registered for {typeof(TEntity).Name}.", nameof(indexName));
            }

            return index.TryGetValue(value, out var keys) ? [.. keys.Select(k => Clone(_objects[k]))] : [];
        }
    }

    /// <summary>
    /// Stores the object without its managedFields, and returns the one it replaced (the stored instance, not a
    /// copy). managedFields are often the largest part of an object and nothing in the operator reads them; as
    /// controller-runtime's cache.TransformStripManagedFields, the cache drops them (docs/performance.md).
    /// </summary>
    internal TEntity? Upsert(TEntity obj)
    {
        obj.Metadata.ManagedFields = null;
        var key = ReconcileRequest.For(obj).ToString();
        lock (_gate)
        {
            _objects.TryGetValue(key, out var old);
            if (old is not null)
            {
                Unindex(key, old);
            }

            _objects[key] = obj;
            Index(key, obj);
            return old;
        }
    }

    internal TEntity? Remove(string key)
    {
        TEntity? old;
        lock (_gate)
        {
            if (!_objects.Remove(key, out old))
            {
                return null;
            }

            Unindex(key, old);
        }

        Removed?.Invoke(ReconcileRequest.Parse(key));
        return old;
    }

    /// <summary>The stored instances themselves, for the informer's relist diff.</summary>
    internal Dictionary<string, TEntity> Snapshot()
    {
        lock (_gate)
        {
            return new Dictionary<string, TEntity>(_objects, StringComparer.Ordinal);
        }
    }

    internal static TEntity Clone(TEntity obj) => KubernetesJson.Deserialize<TEntity>(KubernetesJson.Serialize(obj));

    private void Index(string key, TEntity obj)
    {
        foreach (var (name, definition) in _definitions)
        {
            foreach (var value in definition.ValuesOf(obj))
            {
                var byValue = _indexes[name];
                if (!byValue.TryGetValue(value, out var keys))
                {
                    keys = new HashSet<string>(StringComparer.Ordinal);
                    byValue[value] = keys;
                }

                keys.Add(key);
            }
        }
    }

    private void Unindex(string key, TEntity obj)
    {
        foreach (var (name, definition) in _definitions)
        {
            foreach (var value in definition.ValuesOf(obj))
            {
                if (_indexes[name].TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    _indexes[name].Remove(value);
                }
            }
        }
    }
}

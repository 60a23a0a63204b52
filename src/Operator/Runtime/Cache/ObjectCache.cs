using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using EcsOperator.Runtime.Reconcile;
using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Cache;

/// <summary>
/// The informer's thread-safe store: objects by "namespace/name", plus secondary indexes. Each object is kept as its
/// compact UTF-8 JSON, Brotli-compressed, not as the parsed model: the parsed object graph (every optional field of the
/// spec, a string object per value) took about 2 KB per object, its JSON half of that, and the compressed JSON half
/// again (docs/performance.md). Readers inflate and parse a fresh copy, so a reconciler can change an object (its
/// status) without corrupting what every other reader sees.
/// </summary>
public sealed class ObjectCache<TEntity> : IResourceCache<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>kubectl apply keeps the whole applied object here; nothing in the operator reads it.</summary>
    internal const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    // Quality 1 (the fastest) already takes a stalled TaskDefinition's 1 KB of JSON to about half; the window (64 KB)
    // covers any object the API server accepts in a few back-references.
    private const int BrotliQuality = 1;
    private const int BrotliWindow = 16;
    private const int LengthPrefix = sizeof(int);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Stored> _objects = new(StringComparer.Ordinal);
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
        byte[]? json;
        lock (_gate)
        {
            json = _objects.TryGetValue(request.ToString(), out var found) ? found.Json : null;
        }

        return json is null ? null : Parse(json);
    }

    public string? ResourceVersion(ReconcileRequest request)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(request.ToString(), out var found) ? found.ResourceVersion : null;
        }
    }

    public IReadOnlyList<TEntity> List()
    {
        byte[][] all;
        lock (_gate)
        {
            all = [.. _objects.Values.Select(s => s.Json)];
        }

        return [.. all.Select(Parse)];
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
        byte[][] matching;
        lock (_gate)
        {
            if (!_indexes.TryGetValue(indexName, out var index))
            {
                throw new ArgumentException($"No index named '{indexName}' is registered for {typeof(TEntity).Name}.", nameof(indexName));
            }

            matching = index.TryGetValue(value, out var keys) ? [.. keys.Select(k => _objects[k].Json)] : [];
        }

        return [.. matching.Select(Parse)];
    }

    /// <summary>
    /// Stores the object without its managedFields and kubectl's last-applied-configuration annotation, and returns
    /// the one it replaced (parsed again). Both are often the largest part of an object and nothing in the operator
    /// reads them; as controller-runtime's cache.TransformStripManagedFields, the cache drops them. Metadata patches
    /// are computed from a fresh GET (<see cref="Client.IKubeClient.UpdateMetadataAsync{TEntity}"/>), never from here.
    /// </summary>
    internal TEntity? Upsert(TEntity obj)
    {
        Trim(obj);
        var key = ReconcileRequest.For(obj).ToString();
        var stored = new Stored(Serialize(obj), obj.Metadata.ResourceVersion);
        lock (_gate)
        {
            TEntity? old = null;
            if (_objects.TryGetValue(key, out var previous))
            {
                old = Parse(previous.Json);
                Unindex(key, old);
            }

            _objects[key] = stored;
            Index(key, obj);
            return old;
        }
    }

    internal TEntity? Remove(string key)
    {
        TEntity old;
        lock (_gate)
        {
            if (!_objects.Remove(key, out var stored))
            {
                return null;
            }

            old = Parse(stored.Json);
            Unindex(key, old);
        }

        Removed?.Invoke(ReconcileRequest.Parse(key));
        return old;
    }

    /// <summary>The resourceVersion of every stored object by key, for the informer's relist diff.</summary>
    internal Dictionary<string, string?> Versions()
    {
        lock (_gate)
        {
            return _objects.ToDictionary(o => o.Key, o => o.Value.ResourceVersion, StringComparer.Ordinal);
        }
    }

    internal static TEntity Clone(TEntity obj)
    {
        var json = Json(obj);
        return ParseJson(json, json.Length);
    }

    /// <summary>The compressed form: the JSON's length (4 bytes, little-endian), then the JSON, Brotli-compressed.</summary>
    internal static byte[] Serialize(TEntity obj)
    {
        var json = Json(obj);
        var buffer = ArrayPool<byte>.Shared.Rent(LengthPrefix + BrotliEncoder.GetMaxCompressedLength(json.Length));
        try
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, json.Length);
            if (!BrotliEncoder.TryCompress(json, buffer.AsSpan(LengthPrefix), out var written, BrotliQuality, BrotliWindow))
            {
                throw new InvalidOperationException($"Brotli could not compress {json.Length} bytes of {typeof(TEntity).Name} JSON");
            }

            return buffer.AsSpan(0, LengthPrefix + written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal static TEntity Parse(byte[] stored)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(stored);
        var json = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (!BrotliDecoder.TryDecompress(stored.AsSpan(LengthPrefix), json, out var written) || written != length)
            {
                throw new InvalidDataException($"a cached {typeof(TEntity).Name} did not inflate to its {length} bytes of JSON");
            }

            return ParseJson(json, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(json);
        }
    }

    private static byte[] Json(TEntity obj) => Encoding.UTF8.GetBytes(KubernetesJson.Serialize(obj));

    private static TEntity ParseJson(byte[] json, int length)
    {
        using var stream = new MemoryStream(json, 0, length, writable: false);
        return KubernetesJson.Deserialize<TEntity>(stream);
    }

    private static void Trim(TEntity obj)
    {
        obj.Metadata.ManagedFields = null;
        if (obj.Metadata.Annotations is { } annotations && annotations.Remove(LastAppliedAnnotation) && annotations.Count == 0)
        {
            obj.Metadata.Annotations = null;
        }
    }

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

    /// <summary>One object: its JSON, and its resourceVersion kept apart so that relists and status sweeps need no parse.</summary>
    private readonly record struct Stored(byte[] Json, string? ResourceVersion);
}

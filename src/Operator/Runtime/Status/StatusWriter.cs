using System.Collections.Concurrent;
using System.Globalization;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Client;
using EcsOperator.Runtime.Reconcile;

namespace EcsOperator.Runtime.Status;

/// <summary>
/// Writes an object's status through the status subresource, and only when it differs from the cached status:
/// an unchanged status costs no API call and no watch event. It sets status.observedGeneration on every write and
/// sends a merge patch of just the fields that changed (removed fields become null).
/// </summary>
public sealed class StatusWriter<TEntity>
    where TEntity : class, IEcsResource
{
    /// <summary>Every this many writes, the last writes the cache has caught up with are forgotten.</summary>
    private const int SweepEvery = 64;

    private readonly ConcurrentDictionary<ReconcileRequest, TEntity> _lastWritten = new();
    private int _writes;
    private readonly IKubeClient _client;
    private readonly IResourceCache<TEntity> _cache;

    public StatusWriter(IKubeClient client, IResourceCache<TEntity> cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _client = client;
        _cache = cache;

        // A deleted object's last write would otherwise stay for the life of the process (slow growth with churn).
        cache.Removed += key => _lastWritten.TryRemove(key, out _);
    }

    /// <summary>Objects whose last write the cache has not caught up with yet (for tests).</summary>
    internal int TrackedCount => _lastWritten.Count;

    /// <summary>Returns true when a patch was sent, false when the known status already matched.</summary>
    public async Task<bool> WriteAsync(TEntity obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        obj.ResourceStatus.ObservedGeneration = obj.Metadata.Generation;
        var key = ReconcileRequest.For(obj);
        var patch = StatusDiff.Create(Known(key)?.ResourceStatus, obj.ResourceStatus);
        if (patch is null)
        {
            return false;
        }

        var written = await _client.PatchStatusAsync<TEntity>(obj.Metadata.NamespaceProperty, obj.Metadata.Name, patch, cancellationToken);
        written.Metadata.ManagedFields = null;
        _lastWritten[key] = written;
        if (Interlocked.Increment(ref _writes) % SweepEvery == 0)
        {
            ForgetCaughtUp();
        }

        return true;
    }

    /// <summary>
    /// <paramref name="obj"/> (the cache's copy), or a copy of this process's own last write of it when the cache has
    /// not caught up with that write yet: a reconcile requeued right after a write (the finalizer patch's watch event
    /// comes first) would otherwise start from the status before the write, act on it again, and write it back.
    /// </summary>
    public TEntity Freshest(TEntity obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return _lastWritten.TryGetValue(ReconcileRequest.For(obj), out var written) && IsOlder(obj.Metadata.ResourceVersion, written.Metadata.ResourceVersion)
            ? ObjectCache<TEntity>.Clone(written)
            : obj;
    }

    /// <summary>
    /// The watch delivers a write within moments, but only the object's next write would look again: an object
    /// written once and then left alone (stalled, parked, steady) kept a second full copy here for the life of the
    /// process, about 6 KB per object (docs/performance.md).
    /// </summary>
    private void ForgetCaughtUp()
    {
        foreach (var (key, written) in _lastWritten)
        {
            var cached = _cache.ResourceVersion(key);
            if (cached is not null && !IsOlder(cached, written.Metadata.ResourceVersion))
            {
                _lastWritten.TryRemove(key, out _);
            }
        }
    }

    /// <summary>
    /// The newest status we know of: the cache, unless our own last write is newer than what the watch has delivered
    /// so far. Diffing against a stale cache could skip a write that flips a field back.
    /// </summary>
    private TEntity? Known(ReconcileRequest key)
    {
        var cached = _cache.Get(key);
        if (!_lastWritten.TryGetValue(key, out var written))
        {
            return cached;
        }

        if (cached is null || IsOlder(cached.Metadata.ResourceVersion, written.Metadata.ResourceVersion))
        {
            return written;
        }

        _lastWritten.TryRemove(key, out _); // the cache has caught up
        return cached;
    }

    // resourceVersions are opaque, but etcd's (and LocalKube's) are increasing integers; anything else trusts the cache.
    private static bool IsOlder(string? cached, string? written) =>
        long.TryParse(cached, NumberStyles.None, CultureInfo.InvariantCulture, out var c)
        && long.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var w)
        && c < w;
}

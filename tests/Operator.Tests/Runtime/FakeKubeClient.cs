using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Client;
using EcsOperator.Runtime.Reconcile;
using k8s;
using k8s.Models;

namespace EcsOperator.Tests.Runtime;

/// <summary>
/// An in-memory API for one kind with the semantics the runtime relies on: resourceVersion bumps, generation bumps
/// on spec changes only, finalizers holding deletion, and one live watch stream.
/// </summary>
public sealed class FakeKubeClient<TEntity> : IKubeClient
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TEntity> _objects = [];
    private Channel<(WatchEventType, TEntity)> _watch = Channel.CreateUnbounded<(WatchEventType, TEntity)>();
    private long _version = 1;

    public int StatusPatches { get; private set; }

    /// <summary>How many of the next status patches fail as an unreachable API server would.</summary>
    public int FailingStatusPatches { get; set; }

    /// <summary>The resourceVersion of the newest change, for waiting until an informer has seen everything.</summary>
    public string ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    public int MetadataPatches { get; private set; }

    public List<Eventsv1Event> Events { get; } = [];

    public List<(string Name, int Count)> SeriesPatches { get; } = [];

    public IKubernetes Api => throw new NotSupportedException("the fake has no raw client");

    public TEntity? Peek(string key)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(key, out var o) ? ObjectCache<TEntity>.Clone(o) : null;
        }
    }

    /// <summary>Creates or replaces the object as a user would (kubectl apply): spec changes bump the generation.</summary>
    public void Apply(TEntity obj)
    {
        lock (_gate)
        {
            var key = ReconcileRequest.For(obj).ToString();
            obj = ObjectCache<TEntity>.Clone(obj);
            var exists = _objects.TryGetValue(key, out var old);
            obj.Metadata.Generation = exists ? old!.Metadata.Generation + 1 : 1;
            obj.Metadata.Finalizers = exists ? old!.Metadata.Finalizers : obj.Metadata.Finalizers;
            Store(key, obj, exists ? WatchEventType.Modified : WatchEventType.Added);
        }
    }

    /// <summary>Deletes as the API server does: with finalizers, only a deletionTimestamp is set.</summary>
    public void Delete(string key)
    {
        lock (_gate)
        {
            var obj = ObjectCache<TEntity>.Clone(_objects[key]);
            obj.Metadata.DeletionTimestamp = DateTime.UtcNow;
            StoreOrRemove(key, obj);
        }
    }

    public Task<T?> GetAsync<T>(string @namespace, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            return Task.FromResult(_objects.TryGetValue($"{@namespace}/{name}", out var o) ? (T)(object)ObjectCache<TEntity>.Clone(o) : null);
        }
    }

    public Task<ResourceList<T>> ListAsync<T>(string? @namespace, string? labelSelector, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            _watch = Channel.CreateUnbounded<(WatchEventType, TEntity)>();
            var items = _objects.Values.Select(o => (T)(object)ObjectCache<TEntity>.Clone(o)).ToList();
            return Task.FromResult(new ResourceList<T>(items, _version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public async IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync<T>(string? @namespace, string? labelSelector, string resourceVersion, Action<UndecodableObject> onUndecodable, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var reader = _watch.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (reader.TryRead(out var change))
            {
                yield return (change.Item1, (T)(object)change.Item2);
            }
        }
    }

    public Task<T> PatchStatusAsync<T>(string @namespace, string name, JsonNode statusPatch, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            if (FailingStatusPatches > 0)
            {
                FailingStatusPatches--;
                throw new HttpRequestException("the API server is unreachable (FakeKubeClient.FailingStatusPatches)");
            }

            StatusPatches++;
            var key = $"{@namespace}/{name}";
            var json = JsonNode.Parse(KubernetesJson.Serialize(_objects[key]))!.AsObject();
            json["status"] = Merge(json["status"], statusPatch);
            var updated = KubernetesJson.Deserialize<TEntity>(json.ToJsonString());
            Store(key, updated, WatchEventType.Modified);
            return Task.FromResult((T)(object)ObjectCache<TEntity>.Clone(updated));
        }
    }

    public Task<T?> UpdateMetadataAsync<T>(string @namespace, string name, Func<V1ObjectMeta, bool> change, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            var key = $"{@namespace}/{name}";
            if (!_objects.TryGetValue(key, out var current))
            {
                return Task.FromResult<T?>(null);
            }

            var copy = ObjectCache<TEntity>.Clone(current);
            if (change(copy.Metadata))
            {
                MetadataPatches++;
                StoreOrRemove(key, copy);
            }

            return Task.FromResult<T?>((T)(object)ObjectCache<TEntity>.Clone(copy));
        }
    }

    /// <summary>While set and not completed, event writes wait for it: an API server that is slow to answer.</summary>
    public TaskCompletionSource? HeldEventWrites { get; set; }

    public async Task<Eventsv1Event> CreateEventAsync(Eventsv1Event body, CancellationToken cancellationToken)
    {
        if (HeldEventWrites is { } held)
        {
            await held.Task.WaitAsync(cancellationToken);
        }

        lock (_gate)
        {
            Events.Add(body);
            return body;
        }
    }

    public Task PatchEventSeriesAsync(string @namespace, string name, Eventsv1EventSeries series, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            SeriesPatches.Add((name, series.Count));
            return Task.CompletedTask;
        }
    }

    public Task<V1Lease?> GetLeaseAsync(string @namespace, string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<V1Lease> ReplaceLeaseAsync(V1Lease lease, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<V1TokenReviewStatus> ReviewTokenAsync(string token, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<V1SubjectAccessReviewStatus> ReviewAccessAsync(V1SubjectAccessReviewSpec question, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> GetClusterIdAsync(CancellationToken cancellationToken) => Task.FromResult("fake-cluster");

    private void StoreOrRemove(string key, TEntity obj)
    {
        if (obj.Metadata.DeletionTimestamp is not null && (obj.Metadata.Finalizers is null || obj.Metadata.Finalizers.Count == 0))
        {
            _objects.Remove(key);
            obj.Metadata.ResourceVersion = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _watch.Writer.TryWrite((WatchEventType.Deleted, ObjectCache<TEntity>.Clone(obj)));
            return;
        }

        Store(key, obj, WatchEventType.Modified);
    }

    private void Store(string key, TEntity obj, WatchEventType type)
    {
        obj.Metadata.ResourceVersion = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _objects[key] = obj;
        _watch.Writer.TryWrite((type, ObjectCache<TEntity>.Clone(obj)));
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        result = result.DeepClone().AsObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Merge(result[name], value);
            }
        }

        return result;
    }
}

using System.Text.Json.Nodes;
using LocalKube.Registry;
using LocalKube.Watch;

namespace LocalKube.Storage;

/// <summary>
/// The in-memory "etcd": objects by key, one global resourceVersion counter, and the watch fan-out. One lock guards
/// everything (<see cref="Sync"/>); all members except the lock itself must be called while holding it. Stored
/// objects are frozen: a write always stores a new object, so watch events and history can share them.
/// </summary>
public sealed class ObjectStore(WatchHub hub)
{
    private readonly Dictionary<string, SortedDictionary<ObjectKey, JsonObject>> _resources = new(StringComparer.Ordinal);

    public Lock Sync { get; } = new();

    public WatchHub Hub { get; } = hub;

    public long ResourceVersion { get; private set; }

    public JsonObject? Get(ObjectKey key) =>
        _resources.TryGetValue(key.StorageResource, out var objects) && objects.TryGetValue(key, out var obj) ? obj : null;

    /// <summary>All objects of one storage resource in key order (namespace, then name).</summary>
    public IEnumerable<KeyValuePair<ObjectKey, JsonObject>> Scan(string storageResource) =>
        _resources.TryGetValue(storageResource, out var objects) ? objects : [];

    /// <summary>Keys of every object in a namespace, across all resources.</summary>
    public List<ObjectKey> KeysInNamespace(string ns) =>
        _resources.Values.SelectMany(r => r.Keys).Where(k => k.Namespace == ns).ToList();

    /// <summary>Gives a stored object a chosen UID (a stable kube-system UID), without a new resourceVersion.</summary>
    public void ForceUid(ObjectKey key, string uid)
    {
        lock (Sync)
        {
            var stored = Get(key) ?? throw new InvalidOperationException($"{key} is not stored");
            Meta.Metadata(stored)["uid"] = uid;
        }
    }

    public int Count(string storageResource) => _resources.TryGetValue(storageResource, out var objects) ? objects.Count : 0;

    /// <summary>Stores <paramref name="obj"/> under a new resourceVersion and publishes ADDED or MODIFIED.</summary>
    public JsonObject Put(ObjectKey key, JsonObject obj)
    {
        var previous = Get(key);
        Meta.Metadata(obj)["resourceVersion"] = Meta.Format(++ResourceVersion);
        if (!_resources.TryGetValue(key.StorageResource, out var objects))
        {
            objects = [];
            _resources[key.StorageResource] = objects;
        }

        objects[key] = obj;
        Hub.Publish(new WatchEvent(ResourceVersion, previous is null ? "ADDED" : "MODIFIED", key, obj, previous));
        return obj;
    }

    /// <summary>Removes an object; the DELETED event carries it at the deletion's resourceVersion, as etcd does.</summary>
    public JsonObject Remove(ObjectKey key)
    {
        var stored = Get(key) ?? throw new InvalidOperationException($"{key} is not stored");
        _resources[key.StorageResource].Remove(key);
        var final = Meta.Clone(stored);
        Meta.Metadata(final)["resourceVersion"] = Meta.Format(++ResourceVersion);
        Hub.Publish(new WatchEvent(ResourceVersion, "DELETED", key, final, stored));
        return final;
    }

    /// <summary>
    /// Opens a watch. From a resourceVersion: replays the history after it (410 when compacted past it). Without one
    /// (or "0"): sends the current objects as ADDED first. Either way the replay and going live are atomic.
    /// </summary>
    public WatchSubscription Subscribe(WatchFilter filter, long fromResourceVersion, ResourceType type, bool bookmarks, bool initialEventsEndBookmark)
    {
        var (apiVersion, kind) = (type.ApiVersion, type.Kind);
        List<WatchFrame> replay;
        if (fromResourceVersion > 0)
        {
            if (!Hub.History.CanReplayFrom(fromResourceVersion))
            {
                throw new WatchExpiredException($"too old resource version: {fromResourceVersion} ({Hub.History.CompactedThrough + 1})");
            }

            replay = [];
            var probe = new WatchSubscription(filter, apiVersion, kind, bookmarks, 1, type.Conversion);
            foreach (var e in Hub.History.After(fromResourceVersion))
            {
                if (filter.TypeFor(e) is { } eventType)
                {
                    replay.Add(new WatchFrame(eventType, probe.Relabel(e)));
                }
            }
        }
        else
        {
            var probe = new WatchSubscription(filter, apiVersion, kind, bookmarks, 1, type.Conversion);
            replay = Scan(filter.StorageResource)
                .Where(p => filter.Covers(p.Key) && filter.Matches(p.Value))
                .Select(p => new WatchFrame("ADDED", probe.Relabel(new WatchEvent(0, "ADDED", p.Key, p.Value, null))))
                .ToList();
            if (initialEventsEndBookmark)
            {
                replay.Add(Bookmark(apiVersion, kind, initialEventsEnd: true));
            }
        }

        var sub = new WatchSubscription(filter, apiVersion, kind, bookmarks, Hub.WatcherCapacity + replay.Count, type.Conversion);
        replay.ForEach(f => sub.TryWrite(f));
        Hub.Add(sub);
        return sub;
    }

    public void Unsubscribe(WatchSubscription sub) => Hub.Remove(sub);

    /// <summary>Queues a BOOKMARK at the current resourceVersion: everything before it has already been queued.</summary>
    public void RequestBookmark(WatchSubscription sub)
    {
        if (!sub.TryWrite(Bookmark(sub.ApiVersion, sub.Kind, initialEventsEnd: false)))
        {
            Hub.Remove(sub);
        }
    }

    private WatchFrame Bookmark(string apiVersion, string kind, bool initialEventsEnd)
    {
        var metadata = new JsonObject { ["resourceVersion"] = Meta.Format(ResourceVersion) };
        if (initialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        }

        var obj = new JsonObject { ["kind"] = kind, ["apiVersion"] = apiVersion, ["metadata"] = metadata };
        return new WatchFrame("BOOKMARK", obj.ToJsonString());
    }
}

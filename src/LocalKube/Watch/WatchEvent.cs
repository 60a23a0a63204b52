using System.Text.Json.Nodes;
using LocalKube.Serialization;
using LocalKube.Storage;

namespace LocalKube.Watch;

/// <summary>
/// One committed change, as kept in the watch history. <see cref="Object"/> is the stored (frozen, never mutated)
/// object; <see cref="Previous"/> lets selector-filtered watches turn a change into ADDED or DELETED when an object
/// moves into or out of the selection, as kube-apiserver does.
/// </summary>
public sealed class WatchEvent(long resourceVersion, string type, ObjectKey key, JsonObject obj, JsonObject? previous)
{
    private string? _json;

    public long ResourceVersion { get; } = resourceVersion;

    /// <summary>ADDED, MODIFIED or DELETED.</summary>
    public string Type { get; } = type;

    public ObjectKey Key { get; } = key;

    public JsonObject Object { get; } = obj;

    public JsonObject? Previous { get; } = previous;

    /// <summary>The object serialized once and shared by every watcher (call only under the store lock).</summary>
    public string ObjectJson => _json ??= JsonLimits.Write(Object);
}

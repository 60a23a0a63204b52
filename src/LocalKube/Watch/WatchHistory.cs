namespace LocalKube.Watch;

/// <summary>
/// The last N committed events. A watch may start from any resourceVersion at or after <see cref="CompactedThrough"/>;
/// anything older gets 410 Gone, as after an etcd compaction.
/// </summary>
public sealed class WatchHistory(int capacity)
{
    private readonly Queue<WatchEvent> _events = new();

    /// <summary>Every event with a resourceVersion above this is still in the history.</summary>
    public long CompactedThrough { get; private set; }

    public void Add(WatchEvent e)
    {
        _events.Enqueue(e);
        while (_events.Count > capacity)
        {
            CompactedThrough = _events.Dequeue().ResourceVersion;
        }
    }

    public bool CanReplayFrom(long resourceVersion) => resourceVersion >= CompactedThrough;

    public IEnumerable<WatchEvent> After(long resourceVersion) => _events.Where(e => e.ResourceVersion > resourceVersion);

    /// <summary>Forgets everything up to <paramref name="resourceVersion"/> (the expire-history fault).</summary>
    public void Compact(long resourceVersion)
    {
        _events.Clear();
        CompactedThrough = resourceVersion;
    }
}

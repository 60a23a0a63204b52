namespace LocalKube.Watch;

/// <summary>
/// Fans committed events out to open watches and keeps the history they replay from. Every member is called by
/// <see cref="Storage.ObjectStore"/> while it holds its lock, which is what keeps the order and makes
/// "replay history, then go live" gap-free.
/// </summary>
public sealed class WatchHub(int historySize, int watcherCapacity)
{
    private readonly HashSet<WatchSubscription> _subscribers = [];

    public WatchHistory History { get; } = new(historySize);

    public int WatcherCapacity { get; } = watcherCapacity;

    public int OpenWatches => _subscribers.Count;

    internal void Publish(WatchEvent e)
    {
        History.Add(e);
        List<WatchSubscription>? lagging = null;
        foreach (var sub in _subscribers)
        {
            var type = sub.Filter.TypeFor(e);
            if (type is not null && !sub.TryWrite(new WatchFrame(type, sub.Relabel(e))))
            {
                (lagging ??= []).Add(sub);
            }
        }

        lagging?.ForEach(s => _subscribers.Remove(s));
    }

    internal void Add(WatchSubscription sub) => _subscribers.Add(sub);

    internal void Remove(WatchSubscription sub) => _subscribers.Remove(sub);

    /// <summary>Ends every open watch; with an error, each client gets a 410 ERROR event.</summary>
    internal void EndAll(WatchExpiredException? error)
    {
        foreach (var sub in _subscribers)
        {
            sub.End(error);
        }

        _subscribers.Clear();
    }
}

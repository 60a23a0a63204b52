using LocalKube.Storage;
using LocalKube.Watch;

namespace LocalKube.Faults;

/// <summary>
/// Fault injection for tests: the same switches are served over HTTP under <c>/localkube/faults/</c>.
/// Faults apply to HTTP requests only; in-process calls to the store are never failed or delayed.
/// </summary>
public sealed class LocalKubeFaults
{
    private readonly ObjectStore _store;
    private readonly Lock _lock = new();
    private int _failWrites;
    private int _failWritesCode;

    internal LocalKubeFaults(ObjectStore store) => _store = store;

    /// <summary>Added to every API request before it is served (zero: none).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// Forgets the watch history up to now, so that every watch or paged list from an older resourceVersion gets
    /// 410 Gone; open watches are ended with a 410 ERROR event too, forcing clients to relist.
    /// </summary>
    public void ExpireWatchHistory()
    {
        lock (_store.Sync)
        {
            _store.Hub.History.Compact(_store.ResourceVersion);
            _store.Hub.EndAll(new WatchExpiredException($"too old resource version: the watch history was compacted at {_store.ResourceVersion}"));
        }
    }

    /// <summary>Ends every open watch stream cleanly (a simulated apiserver restart); clients reconnect from their last resourceVersion.</summary>
    public void DropAllWatches()
    {
        lock (_store.Sync)
        {
            _store.Hub.EndAll(null);
        }
    }

    /// <summary>The next <paramref name="count"/> writes (POST, PUT, PATCH, DELETE) fail with 409 Conflict or 500 InternalError.</summary>
    public void FailNextWrites(int count, int statusCode)
    {
        if (statusCode is not (409 or 500))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "only 409 and 500 are supported");
        }

        lock (_lock)
        {
            _failWrites = count;
            _failWritesCode = statusCode;
        }
    }

    /// <summary>Clears every fault.</summary>
    public void Reset()
    {
        Latency = TimeSpan.Zero;
        FailNextWrites(0, 500);
    }

    public int OpenWatches
    {
        get
        {
            lock (_store.Sync)
            {
                return _store.Hub.OpenWatches;
            }
        }
    }

    /// <summary>Takes one injected write failure, if any is pending: the status code to answer with.</summary>
    internal int? TakeWriteFailure()
    {
        lock (_lock)
        {
            if (_failWrites <= 0)
            {
                return null;
            }

            _failWrites--;
            return _failWritesCode;
        }
    }
}

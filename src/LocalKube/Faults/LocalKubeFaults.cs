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
    private bool _failStatusWritesOnly;
    private double _errorRate;
    private Random _errorDraw = new(0);

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

    /// <summary>
    /// The next <paramref name="count"/> writes (POST, PUT, PATCH, DELETE) fail with 409 Conflict or 500 InternalError;
    /// with <paramref name="statusOnly"/>, only writes to the status subresource (a controller's status updates) fail.
    /// </summary>
    public void FailNextWrites(int count, int statusCode, bool statusOnly = false)
    {
        if (statusCode is not (409 or 500))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "only 409 and 500 are supported");
        }

        lock (_lock)
        {
            _failWrites = count;
            _failWritesCode = statusCode;
            _failStatusWritesOnly = statusOnly;
        }
    }

    /// <summary>
    /// A fraction (0 to 1) of API requests, reads and writes alike, fail with 500 InternalError, drawn from
    /// <paramref name="seed"/> so that a run can be replayed. Zero turns it off.
    /// </summary>
    public void FailRandomRequests(double fraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        lock (_lock)
        {
            _errorRate = fraction;
            _errorDraw = new Random(seed);
        }
    }

    /// <summary>Clears every fault.</summary>
    public void Reset()
    {
        Latency = TimeSpan.Zero;
        FailNextWrites(0, 500);
        FailRandomRequests(0, 0);
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

    /// <summary>Takes one injected write failure, if any is pending for this write: the status code to answer with.</summary>
    internal int? TakeWriteFailure(bool statusWrite)
    {
        lock (_lock)
        {
            if (_failWrites <= 0 || (_failStatusWritesOnly && !statusWrite))
            {
                return null;
            }

            _failWrites--;
            return _failWritesCode;
        }
    }

    /// <summary>Draws whether this request is one of the randomly failed ones.</summary>
    internal bool TakeRandomFailure()
    {
        lock (_lock)
        {
            return _errorRate > 0 && _errorDraw.NextDouble() < _errorRate;
        }
    }
}

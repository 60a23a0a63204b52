using System.Diagnostics;

namespace EcsOperator.Runtime.Queue;

/// <summary>
/// client-go's workqueue semantics: an item is queued at most once (de-duplicated), is never handed to two workers
/// at the same time, and an item added while being processed runs once more after <see cref="Done"/>.
/// Delayed adds (RequeueAfter) and rate-limited retries sit in a <see cref="DelayedAdds{T}"/> until due.
/// <para>
/// Two lanes, served in turn while both hold items: fresh adds (watch events, resyncs) and due delayed adds (an
/// object that asked to be looked at again: a rollout poll, a retry). A single FIFO put a rollout poll behind
/// every fresh object queued before it was due: converging 1,000 new Services, the polls all waited until the
/// last CreateService, then took 50 s of read budget on their own (docs/performance.md, converge). Taking turns
/// lets a poll run while the creates wait for mutation tokens, and neither lane can starve the other. An item
/// queued as fresh that comes due moves to the due lane (the finalizer patch's echo had queued each new Service as
/// fresh, and its rollout poll was folded into that).
/// </para>
/// </summary>
public sealed class WorkQueue<T> : IAsyncDisposable
    where T : notnull
{
    private readonly Lock _gate = new();
    private readonly LinkedList<T> _fresh = new();
    private readonly LinkedList<T> _due = new();

    /// <summary>Queued (with its node in its lane), or to be queued again at <see cref="Done"/> (no node yet).</summary>
    private readonly Dictionary<T, Entry> _dirty = [];
    private readonly Dictionary<T, long> _processing = [];
    private readonly Dictionary<T, long> _queuedAt = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RetryRateLimiter<T> _limiter;
    private readonly IWorkQueueMetrics _metrics;
    private readonly DelayedAdds<T> _delayed;
    private bool _dueServedLast;

    public WorkQueue(RetryRateLimiter<T>? limiter = null, IWorkQueueMetrics? metrics = null, TimeProvider? time = null)
    {
        _limiter = limiter ?? new RetryRateLimiter<T>();
        _metrics = metrics ?? IWorkQueueMetrics.None;
        _delayed = new DelayedAdds<T>(item => Add(item, due: true), time ?? TimeProvider.System, _shutdown.Token);
    }

    public bool IsShuttingDown => _shutdown.IsCancellationRequested;

    /// <summary>Items ready to be handed out (not counting delayed or in-flight ones).</summary>
    public int Depth
    {
        get
        {
            lock (_gate)
            {
                return _fresh.Count + _due.Count;
            }
        }
    }

    /// <summary>
    /// True when nothing is ready, in flight, or due for release: what happens next needs a new add or the clock to move.
    /// </summary>
    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _fresh.Count == 0 && _due.Count == 0 && _processing.Count == 0 && !_delayed.HasDueItems;
            }
        }
    }

    /// <summary>Queues the item unless it is already queued; an in-flight item is queued again when it is done.</summary>
    public void Add(T item) => Add(item, due: false);

    private void Add(T item, bool due)
    {
        lock (_gate)
        {
            if (IsShuttingDown)
            {
                return;
            }

            if (_dirty.TryGetValue(item, out var queued))
            {
                // Already queued: once due, it leaves the fresh lane for the due one, so that it runs in its turn
                // there and not behind every fresh add that came before it (its own finalizer's echo, say).
                if (due && !queued.Due)
                {
                    if (queued.Node is not null)
                    {
                        _fresh.Remove(queued.Node);
                    }

                    _dirty[item] = new Entry(Due: true, queued.Node is null ? null : _due.AddLast(item));
                }

                return;
            }

            _queuedAt[item] = Stopwatch.GetTimestamp();
            _metrics.Added(_fresh.Count + _due.Count + 1);
            var processing = _processing.ContainsKey(item);
            _dirty[item] = new Entry(due, processing ? null : (due ? _due : _fresh).AddLast(item));
            if (processing)
            {
                return;
            }
        }

        _available.Release();
    }

    /// <summary>Queues the item once the delay has passed; of several pending delays for one item, the earliest wins.</summary>
    public void AddAfter(T item, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(item);
            return;
        }

        _delayed.Schedule(item, delay);
    }

    /// <summary>Queues the item after its backoff: its own exponential delay or the global bucket, whichever is longer.</summary>
    public void AddRateLimited(T item)
    {
        _metrics.Retried();
        AddAfter(item, _limiter.When(item));
    }

    /// <summary>Resets the item's backoff after a success.</summary>
    public void Forget(T item) => _limiter.Forget(item);

    public int Retries(T item) => _limiter.Retries(item);

    /// <summary>Waits for the next item. Returns false once the queue is shutting down.</summary>
    public async Task<(bool Ok, T Item)> TryTakeAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
        try
        {
            await _available.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (IsShuttingDown || cancellationToken.IsCancellationRequested)
        {
            return (false, default!);
        }

        lock (_gate)
        {
            if (IsShuttingDown)
            {
                return (false, default!);
            }

            // In turn while both lanes hold items; otherwise whichever does.
            _dueServedLast = _due.Count > 0 && (_fresh.Count == 0 || !_dueServedLast);
            var lane = _dueServedLast ? _due : _fresh;
            var item = lane.First!.Value;
            lane.RemoveFirst();
            _dirty.Remove(item);
            if (_fresh.Count == 0 && _due.Count == 0)
            {
                ShrinkAfterBurst();
            }

            // A pending delayed add of this item would run it a second time for the same reason: this run replaces it.
            _delayed.Cancel(item);
            var now = Stopwatch.GetTimestamp();
            _processing[item] = now;
            var queuedAt = _queuedAt.Remove(item, out var at) ? at : now;
            _metrics.Started(Stopwatch.GetElapsedTime(queuedAt, now), _fresh.Count + _due.Count);
            return (true, item);
        }
    }

    /// <summary>Marks the item finished; if it was added meanwhile, it goes back in the queue now.</summary>
    public void Done(T item)
    {
        var requeue = false;
        lock (_gate)
        {
            if (!_processing.Remove(item, out var started))
            {
                return;
            }

            _metrics.Finished(Stopwatch.GetElapsedTime(started));
            if (_dirty.TryGetValue(item, out var added) && !IsShuttingDown)
            {
                _dirty[item] = added with { Node = (added.Due ? _due : _fresh).AddLast(item) };
                requeue = true;
            }

            if (IsShuttingDown && _processing.Count == 0)
            {
                _idle.TrySetResult();
            }
        }

        if (requeue)
        {
            _available.Release();
        }
    }

    /// <summary>Items queued in the due lane (for tests: a fresh item that came due has moved there).</summary>
    internal int DueDepth
    {
        get
        {
            lock (_gate)
            {
                return _due.Count;
            }
        }
    }

    /// <summary>Slots held by the queue's own collections (for tests: a drained burst gives them back).</summary>
    internal int ReservedSlots
    {
        get
        {
            lock (_gate)
            {
                return _fresh.Count + _due.Count + _dirty.EnsureCapacity(0) + _queuedAt.EnsureCapacity(0);
            }
        }
    }

    /// <summary>
    /// Collections keep the size of their largest burst: the first list of 10,000 objects left about 1.4 MB of empty
    /// slots for the life of the process (docs/performance.md). Once the queue drains, only items being processed
    /// and re-added meanwhile (at most one per worker) remain, so shrinking is cheap.
    /// </summary>
    private void ShrinkAfterBurst()
    {
        const int KeepSlots = 256;
        if (_dirty.EnsureCapacity(0) > KeepSlots)
        {
            _dirty.TrimExcess();
        }

        if (_queuedAt.EnsureCapacity(0) > KeepSlots)
        {
            _queuedAt.TrimExcess();
        }
    }

    /// <summary>How long each in-flight item has been running, for the unfinished-work metrics.</summary>
    public IReadOnlyList<TimeSpan> InFlightDurations()
    {
        lock (_gate)
        {
            return [.. _processing.Values.Select(started => Stopwatch.GetElapsedTime(started))];
        }
    }

    /// <summary>
    /// Stops handing out items and waits (up to the deadline) for in-flight items to be <see cref="Done"/>.
    /// Returns true when everything in flight finished in time.
    /// </summary>
    public async Task<bool> ShutDownAsync(TimeSpan drainDeadline)
    {
        lock (_gate)
        {
            if (!IsShuttingDown)
            {
                _shutdown.Cancel();
            }

            if (_processing.Count == 0)
            {
                _idle.TrySetResult();
            }
        }

        var finished = await Task.WhenAny(_idle.Task, Task.Delay(drainDeadline)) == _idle.Task;
        await _delayed.StopAsync();
        return finished;
    }

    public async ValueTask DisposeAsync()
    {
        await ShutDownAsync(TimeSpan.Zero);
        _delayed.Dispose();
        _shutdown.Dispose();
        _available.Dispose();
    }

    /// <summary>A queued item's lane (true: a due delayed add) and its place there; no place while it is processed.</summary>
    private readonly record struct Entry(bool Due, LinkedListNode<T>? Node);
}

namespace EcsOperator.Runtime.Queue;

/// <summary>
/// Holds items until their time comes, then hands them to the queue. One loop and one priority queue instead of
/// a timer per item, so that a resync of thousands of objects costs one wake-up per due time.
/// </summary>
internal sealed class DelayedAdds<T> : IDisposable
    where T : notnull
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<T, long> _byDueTime = new();
    private readonly Dictionary<T, long> _dueTimes = [];
    private readonly SemaphoreSlim _changed = new(0);
    private readonly Action<T> _release;
    private readonly TimeProvider _time;
    private readonly Task _loop;

    public DelayedAdds(Action<T> release, TimeProvider time, CancellationToken stopping)
    {
        _release = release;
        _time = time;
        _loop = Task.Run(() => RunAsync(stopping), CancellationToken.None);
    }

    public void Schedule(T item, TimeSpan delay)
    {
        var due = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
        lock (_gate)
        {
            if (_dueTimes.TryGetValue(item, out var existing) && existing <= due)
            {
                return;
            }

            _dueTimes[item] = due;
            _byDueTime.Enqueue(item, due);
        }

        _changed.Release();
    }

    public async Task StopAsync()
    {
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => _changed.Dispose();

    /// <summary>Drops the item's pending delay: it is being processed now, and that run decides its next schedule.</summary>
    public void Cancel(T item)
    {
        lock (_gate)
        {
            // The priority queue keeps the stale entry; ReleaseDueItems skips it because the due time no longer matches.
            _dueTimes.Remove(item);
        }
    }

    /// <summary>True while an item's time has come but it has not been handed to the queue yet.</summary>
    public bool HasDueItems
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetTimestamp();
                return _dueTimes.Values.Any(due => due <= now);
            }
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var wait = ReleaseDueItems();

            // The wake-up is a timer of the registered TimeProvider, so that a fake clock drives delayed adds too.
            using var wakeUp = wait == Timeout.InfiniteTimeSpan ? null : _time.CreateTimer(_ => Release(), null, wait, Timeout.InfiniteTimeSpan);

            // The wait was measured before the timer existed: a clock that moved past the due time in between (a test's
            // fake clock advanced meanwhile) would never fire it, and the item would wait for the next schedule.
            if (wakeUp is not null && NextIsDue())
            {
                continue;
            }

            try
            {
                await _changed.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private bool NextIsDue()
    {
        lock (_gate)
        {
            return _byDueTime.TryPeek(out _, out var next) && next <= _time.GetTimestamp();
        }
    }

    private void Release()
    {
        try
        {
            _changed.Release();
        }
        catch (ObjectDisposedException)
        {
            // The queue is gone; a late timer has nothing to wake.
        }
    }

    /// <summary>Releases every due item and returns how long until the next one (infinite when none).</summary>
    private TimeSpan ReleaseDueItems()
    {
        List<T> due = [];
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            while (_byDueTime.TryPeek(out var item, out var at) && at <= now)
            {
                _byDueTime.Dequeue();

                // A stale entry: the item was rescheduled earlier and has already been released or re-added.
                if (_dueTimes.TryGetValue(item, out var current) && current == at)
                {
                    _dueTimes.Remove(item);
                    due.Add(item);
                }
            }

            wait = _byDueTime.TryPeek(out _, out var next)
                ? TimeSpan.FromSeconds((double)(next - now) / _time.TimestampFrequency)
                : Timeout.InfiniteTimeSpan;
        }

        foreach (var item in due)
        {
            _release(item);
        }

        return wait;
    }
}

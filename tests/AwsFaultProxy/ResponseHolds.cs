namespace AwsFaultProxy;

/// <summary>
/// Answers held by <see cref="FaultKind.HoldResponse"/> rules: the call took effect (upstream or in the ECS front)
/// and the client has not heard back. A crash test waits for the hold, kills the client, and so freezes it exactly
/// between "AWS did it" and "the client knows":
/// <code>
/// proxy.Rules.Add(FaultRule.HoldResponse("ecs", "CreateService") with { FirstCalls = 1 });
/// var held = await proxy.Holds.WaitAsync("ecs", "CreateService", ct);   // or proxy.Holds.OnHeld(call => ...)
/// operatorProcess.Kill();                                                 // it never sees the answer
/// </code>
/// An answer goes out on <see cref="Release"/>, and is dropped when the client goes away first. Thread-safe.
/// </summary>
public sealed class ResponseHolds
{
    private const int MaxHistory = 1000;
    private readonly Lock _gate = new();
    private readonly List<(HeldCall Call, TaskCompletionSource Released)> _held = [];
    private readonly List<HeldCall> _history = [];
    private readonly List<Action<HeldCall>> _callbacks = [];
    private readonly List<(Pattern Service, Pattern Operation, TaskCompletionSource<HeldCall> Waiter)> _waiters = [];
    private long _sequence;

    /// <summary>The answers held right now, oldest first.</summary>
    public IReadOnlyList<HeldCall> Current
    {
        get
        {
            lock (_gate)
            {
                return _held.Select(h => h.Call).ToArray();
            }
        }
    }

    /// <summary>Completes with the first held call of this service and operation (patterns), held before or after the call.</summary>
    public Task<HeldCall> WaitAsync(string service, string operation, CancellationToken cancellationToken = default)
    {
        var (servicePattern, operationPattern) = (Pattern.Parse(service, AwsServices.Normalize), Pattern.Parse(operation));
        lock (_gate)
        {
            if (_history.FirstOrDefault(c => servicePattern.Matches(c.Service) && operationPattern.Matches(c.Operation)) is { } earlier)
            {
                return Task.FromResult(earlier);
            }

            var waiter = new TaskCompletionSource<HeldCall>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((servicePattern, operationPattern, waiter));
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Runs <paramref name="callback"/> for every call held from now on, before its answer could leave. Dispose to stop.</summary>
    public IDisposable OnHeld(Action<HeldCall> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            _callbacks.Add(callback);
        }

        return new Subscription(() =>
        {
            lock (_gate)
            {
                _callbacks.Remove(callback);
            }
        });
    }

    /// <summary>Lets every held answer go to its client (if it is still there); returns how many were held.</summary>
    public int Release()
    {
        List<TaskCompletionSource> released;
        lock (_gate)
        {
            released = _held.Select(h => h.Released).ToList();
            _held.Clear();
        }

        released.ForEach(r => r.TrySetResult());
        return released.Count;
    }

    /// <summary>Holds one answer until <see cref="Release"/>; throws OperationCanceledException when the client goes away.</summary>
    internal async Task HoldAsync(string service, string operation, int status, CancellationToken clientGone)
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        HeldCall call;
        Action<HeldCall>[] callbacks;
        List<TaskCompletionSource<HeldCall>> waiters;
        lock (_gate)
        {
            call = new HeldCall(++_sequence, service, operation, status);
            _held.Add((call, released));
            _history.Add(call);
            if (_history.Count > MaxHistory)
            {
                _history.RemoveAt(0);
            }
            callbacks = [.. _callbacks];
            waiters = _waiters.Where(w => w.Service.Matches(service) && w.Operation.Matches(operation)).Select(w => w.Waiter).ToList();
            _waiters.RemoveAll(w => waiters.Contains(w.Waiter));
        }

        foreach (var callback in callbacks)
        {
            callback(call);
        }

        waiters.ForEach(w => w.TrySetResult(call));
        try
        {
            await released.Task.WaitAsync(clientGone);
        }
        finally
        {
            lock (_gate)
            {
                _held.RemoveAll(h => h.Call == call);
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

/// <summary>One held answer: which call, in hold order, and the status its answer carries.</summary>
public sealed record HeldCall(long Sequence, string Service, string Operation, int Status);

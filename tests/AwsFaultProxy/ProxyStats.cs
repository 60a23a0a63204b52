namespace AwsFaultProxy;

/// <summary>Call counts per service and operation, updated before the client sees the response. Thread-safe.</summary>
public sealed class ProxyStats
{
    private const int JournalCapacity = 10_000;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Service, string Operation), Counter> _counters = [];
    private readonly Queue<CallRecord> _journal = new();
    private readonly int _seed;
    private long _sequence;

    internal ProxyStats(int seed) => _seed = seed;

    /// <summary>Counts for one operation; zeros when it was never called. Service aliases (efs, elbv2) work.</summary>
    public OperationStats For(string service, string operation)
    {
        var key = (AwsServices.Normalize(service), operation);
        lock (_gate)
        {
            return _counters.TryGetValue(key, out var c) ? c.ToStats(key) : new Counter().ToStats(key);
        }
    }

    /// <summary>Every operation called so far, ordered by service then operation.</summary>
    public IReadOnlyList<OperationStats> Operations()
    {
        lock (_gate)
        {
            return _counters.OrderBy(c => c.Key.Service, StringComparer.Ordinal).ThenBy(c => c.Key.Operation, StringComparer.Ordinal)
                .Select(c => c.Value.ToStats(c.Key)).ToArray();
        }
    }

    /// <summary>Calls to every operation of a service (all services when null).</summary>
    public long TotalCalls(string? service = null) =>
        Operations().Where(o => service is null || o.Service == AwsServices.Normalize(service)).Sum(o => o.Calls);

    public StatsSnapshot Snapshot()
    {
        var operations = Operations();
        return new StatsSnapshot(_seed, operations.Sum(o => o.Calls), operations.Sum(o => o.Faulted), operations);
    }

    /// <summary>The last 10,000 calls in arrival order.</summary>
    public IReadOnlyList<CallRecord> Journal()
    {
        lock (_gate)
        {
            return _journal.ToArray();
        }
    }

    /// <summary>Forgets all counts and the journal (rules and their counters stay).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _counters.Clear();
            _journal.Clear();
            _sequence = 0;
        }
    }

    /// <summary>Counts one call; <paramref name="answerStatus"/> is the upstream's or the ECS front's answer, delivered or not.</summary>
    internal void RecordCall(AwsOperation operation, FaultDecision decision, FaultKind? fault, int? clientStatus, int? answerStatus = null, CallOrigin? origin = null)
    {
        var key = (operation.Service, operation.Operation);
        lock (_gate)
        {
            var counter = CounterFor(key);
            counter.Calls++;
            if (answerStatus is >= 200 and < 300)
            {
                counter.Succeeded++;
            }

            if (decision.Delay > TimeSpan.Zero)
            {
                counter.Injected[FaultKind.Latency] = counter.Injected.GetValueOrDefault(FaultKind.Latency) + 1;
            }

            if (fault is { } kind)
            {
                counter.Injected[kind] = counter.Injected.GetValueOrDefault(kind) + 1;
            }

            var now = DateTimeOffset.UtcNow;
            _journal.Enqueue(new CallRecord(++_sequence, operation.Service, operation.Operation, (int)decision.Delay.TotalMilliseconds, fault, clientStatus)
            {
                Started = origin?.Started ?? now,
                Completed = now,
                UserAgent = origin?.UserAgent,
            });
            if (_journal.Count > JournalCapacity)
            {
                _journal.Dequeue();
            }
        }
    }

    internal void RecordUpstream(AwsOperation operation, int status)
    {
        lock (_gate)
        {
            var counter = CounterFor((operation.Service, operation.Operation));
            counter.Forwarded++;
            counter.UpstreamStatus[status] = counter.UpstreamStatus.GetValueOrDefault(status) + 1;
        }
    }

    private Counter CounterFor((string, string) key)
    {
        if (!_counters.TryGetValue(key, out var counter))
        {
            _counters[key] = counter = new Counter();
        }

        return counter;
    }

    private sealed class Counter
    {
        public long Calls { get; set; }

        public long Forwarded { get; set; }

        public long Succeeded { get; set; }

        public Dictionary<FaultKind, long> Injected { get; } = [];

        public SortedDictionary<int, long> UpstreamStatus { get; } = [];

        public OperationStats ToStats((string Service, string Operation) key) =>
            new(key.Service, key.Operation, Calls, Forwarded, new Dictionary<FaultKind, long>(Injected), new SortedDictionary<int, long>(UpstreamStatus))
            {
                Succeeded = Succeeded,
            };
    }
}

using System.Globalization;
using System.Threading.Channels;
using EcsOperator.Runtime.Client;
using EcsOperator.Runtime.Reconcile;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Runtime.Status;

/// <summary>
/// events.k8s.io/v1 events with client-go's series aggregation: the same (object, severity, reason, note) seen again
/// within the window updates one event's series count instead of creating another, so that a flapping error makes
/// one event with a count, not thousands.
/// Recording never waits for the API server, as client-go's broadcaster: <see cref="RecordAsync"/> queues the event
/// and one sender writes the queue in order. A reconcile that awaited its event held its worker for one more API
/// round trip per AWS mutation (docs/performance.md, latency). The queue is bounded like client-go's (1,000): when the
/// API server cannot keep up, new events are dropped and logged rather than growing memory or slowing reconciles.
/// </summary>
public sealed class EventRecorder : IEventRecorder, IAsyncDisposable, IDisposable
{
    private const int MaxNoteLength = 1024;
    internal const int MaxTrackedSeries = 4096;
    private const int MaxQueued = 1000;
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly Channel<Queued> _queue = Channel.CreateBounded<Queued>(new BoundedChannelOptions(MaxQueued) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stopping = new();
    private readonly IKubeClient _client;
    private readonly EventRecorderOptions _options;
    private readonly ILogger<EventRecorder> _logger;
    private readonly TimeProvider _time;
    private readonly Task _sender;

    public EventRecorder(IKubeClient client, EventRecorderOptions options, ILogger<EventRecorder> logger, TimeProvider? time = null)
    {
        _client = client;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _sender = Task.Run(SendQueuedAsync, CancellationToken.None);
    }

    /// <summary>Queues the event and returns at once; the sender writes it (and logs, never throws, a failure).</summary>
    public Task RecordAsync(IKubernetesObject<V1ObjectMeta> regarding, EventSeverity severity, string reason, string action, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regarding);
        note = note.Length > MaxNoteLength ? note[..MaxNoteLength] : note;
        var now = _time.GetUtcNow().UtcDateTime;
        var key = string.Join('\u001f', regarding.Metadata.Uid ?? ReconcileRequest.For(regarding).ToString(), regarding.Kind, severity, reason, note);
        var queued = new ToSend(key, ReconcileRequest.For(regarding).ToString(), NewEvent(regarding, severity, reason, action, note, now));
        if (!_queue.Writer.TryWrite(queued))
        {
            Log.EventDropped(_logger, reason, queued.Regarding, MaxQueued);
        }

        return Task.CompletedTask;
    }

    /// <summary>Completes once every event queued before the call has been sent (or has failed and been logged).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(new FlushMarker(flushed), cancellationToken);
        await flushed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends what is queued, for at most a few seconds: a stopping operator must not hang on a slow API server.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (await Task.WhenAny(_sender, Task.Delay(DrainDeadline)) != _sender)
        {
            await _stopping.CancelAsync();
        }

        await _sender;
        _stopping.Dispose();
    }

    /// <summary>Gives up what is still queued (a container disposed synchronously cannot wait for the API server).</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stopping.Cancel();
    }

    private async Task SendQueuedAsync()
    {
        await foreach (var queued in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (queued is FlushMarker marker)
            {
                marker.Flushed.TrySetResult();
                continue;
            }

            var toSend = (ToSend)queued;
            try
            {
                await SendAsync(toSend, _stopping.Token);
            }
            catch (Exception e) when (!_stopping.IsCancellationRequested)
            {
                Log.EventFailed(_logger, e, toSend.Event.Reason, toSend.Regarding);
            }
            catch (OperationCanceledException)
            {
                // Disposed past the drain deadline: the remaining events are given up.
            }
        }
    }

    private async Task SendAsync(ToSend queued, CancellationToken cancellationToken)
    {
        var now = queued.Event.EventTime!.Value;
        var repeat = NextOccurrence(queued.Key, now);
        if (repeat is not null)
        {
            await _client.PatchEventSeriesAsync(repeat.Namespace, repeat.Name, new Eventsv1EventSeries { Count = repeat.Count, LastObservedTime = now }, cancellationToken);
            return;
        }

        var created = await _client.CreateEventAsync(queued.Event, cancellationToken);
        Remember(queued.Key, new Series(created.Metadata.NamespaceProperty, created.Metadata.Name, 1, now));
    }

    /// <summary>The series to bump when this is a repeat within the window; null for a first occurrence. Only the sender calls it.</summary>
    private Series? NextOccurrence(string key, DateTime now)
    {
        if (!_series.TryGetValue(key, out var existing) || now - existing.LastSeen > _options.AggregationWindow)
        {
            return null;
        }

        var next = existing with { Count = existing.Count + 1, LastSeen = now };
        _series[key] = next;
        return next;
    }

    /// <summary>Series tracked now (for tests, after <see cref="FlushAsync"/>: the map is bounded however many objects report).</summary>
    internal int TrackedSeries => _series.Count;

    private void Remember(string key, Series series)
    {
        if (_series.Count >= MaxTrackedSeries)
        {
            MakeRoom(series.LastSeen);
        }

        _series[key] = series;
    }

    /// <summary>
    /// Bounded like client-go's event correlator (an LRU of 4,096): every stalled object records one event, so the map
    /// grew by one series (about 600 bytes) per object for the whole aggregation window (docs/performance.md). Expired
    /// series go first; if that frees too little, the least recently seen quarter goes, so that a burst of new series
    /// costs one sort per quarter of the map, not one per event. A forgotten series that repeats starts a new event.
    /// </summary>
    private void MakeRoom(DateTime now)
    {
        var cutoff = now - _options.AggregationWindow;
        foreach (var stale in _series.Where(s => s.Value.LastSeen < cutoff).Select(s => s.Key).ToList())
        {
            _series.Remove(stale);
        }

        if (_series.Count < MaxTrackedSeries * 3 / 4)
        {
            return;
        }

        foreach (var oldest in _series.OrderBy(s => s.Value.LastSeen).Take(MaxTrackedSeries / 4).Select(s => s.Key).ToList())
        {
            _series.Remove(oldest);
        }
    }

    private Eventsv1Event NewEvent(IKubernetesObject<V1ObjectMeta> regarding, EventSeverity severity, string reason, string action, string note, DateTime now) => new()
    {
        ApiVersion = "events.k8s.io/v1",
        Kind = "Event",
        Metadata = new V1ObjectMeta
        {
            // client-go's naming: the object's name and a unique, time-ordered suffix.
            Name = $"{regarding.Metadata.Name}.{now.Ticks.ToString("x", CultureInfo.InvariantCulture)}",
            NamespaceProperty = regarding.Metadata.NamespaceProperty ?? "default",
        },
        EventTime = now,
        Type = severity.ToString(),
        Reason = reason,
        Action = action,
        Note = note,
        ReportingController = _options.ReportingController,
        ReportingInstance = _options.ReportingInstance,
        Regarding = new V1ObjectReference
        {
            ApiVersion = regarding.ApiVersion,
            Kind = regarding.Kind,
            Name = regarding.Metadata.Name,
            NamespaceProperty = regarding.Metadata.NamespaceProperty,
            Uid = regarding.Metadata.Uid,
            ResourceVersion = regarding.Metadata.ResourceVersion,
        },
    };

    private sealed record Series(string Namespace, string Name, int Count, DateTime LastSeen);

    private abstract record Queued;

    /// <summary>An event, with its series key and the object's key for the log.</summary>
    private sealed record ToSend(string Key, string Regarding, Eventsv1Event Event) : Queued;

    /// <summary>Completes <see cref="Flushed"/> when the sender reaches it: everything queued before has been sent.</summary>
    private sealed record FlushMarker(TaskCompletionSource Flushed) : Queued;
}

/// <summary>Who reports events, and how long a repeat counts as the same series.</summary>
public sealed class EventRecorderOptions
{
    public string ReportingController { get; set; } = "ecs-operator";

    public string ReportingInstance { get; set; } = Environment.MachineName;

    public TimeSpan AggregationWindow { get; set; } = TimeSpan.FromMinutes(10);
}

using System.Globalization;
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
/// </summary>
public sealed class EventRecorder(IKubeClient client, EventRecorderOptions options, ILogger<EventRecorder> logger, TimeProvider? time = null) : IEventRecorder
{
    private const int MaxNoteLength = 1024;
    internal const int MaxTrackedSeries = 4096;
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task RecordAsync(IKubernetesObject<V1ObjectMeta> regarding, EventSeverity severity, string reason, string action, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regarding);
        note = note.Length > MaxNoteLength ? note[..MaxNoteLength] : note;
        var now = _time.GetUtcNow().UtcDateTime;
        var key = string.Join('\u001f', regarding.Metadata.Uid ?? ReconcileRequest.For(regarding).ToString(), regarding.Kind, severity, reason, note);
        try
        {
            var repeat = NextOccurrence(key, now);
            if (repeat is not null)
            {
                await client.PatchEventSeriesAsync(repeat.Namespace, repeat.Name, new Eventsv1EventSeries { Count = repeat.Count, LastObservedTime = now }, cancellationToken);
                return;
            }

            var created = await client.CreateEventAsync(NewEvent(regarding, severity, reason, action, note, now), cancellationToken);
            Remember(key, new Series(created.Metadata.NamespaceProperty, created.Metadata.Name, 1, now));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.EventFailed(logger, e, reason, ReconcileRequest.For(regarding).ToString());
        }
    }

    /// <summary>The series to bump when this is a repeat within the window; null for a first occurrence.</summary>
    private Series? NextOccurrence(string key, DateTime now)
    {
        lock (_gate)
        {
            if (!_series.TryGetValue(key, out var existing) || now - existing.LastSeen > options.AggregationWindow)
            {
                return null;
            }

            var next = existing with { Count = existing.Count + 1, LastSeen = now };
            _series[key] = next;
            return next;
        }
    }

    /// <summary>Series tracked now (for tests: the map is bounded however many objects report).</summary>
    internal int TrackedSeries
    {
        get
        {
            lock (_gate)
            {
                return _series.Count;
            }
        }
    }

    private void Remember(string key, Series series)
    {
        lock (_gate)
        {
            if (_series.Count >= MaxTrackedSeries)
            {
                MakeRoom(series.LastSeen);
            }

            _series[key] = series;
        }
    }

    /// <summary>
    /// Bounded like client-go's event correlator (an LRU of 4,096): every stalled object records one event, so the map
    /// grew by one series (about 600 bytes) per object for the whole aggregation window (docs/performance.md). Expired
    /// series go first; if that frees too little, the least recently seen quarter goes, so that a burst of new series
    /// costs one sort per quarter of the map, not one per event. A forgotten series that repeats starts a new event.
    /// </summary>
    private void MakeRoom(DateTime now)
    {
        var cutoff = now - options.AggregationWindow;
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
        ReportingController = options.ReportingController,
        ReportingInstance = options.ReportingInstance,
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
}

/// <summary>Who reports events, and how long a repeat counts as the same series.</summary>
public sealed class EventRecorderOptions
{
    public string ReportingController { get; set; } = "ecs-operator";

    public string ReportingInstance { get; set; } = Environment.MachineName;

    public TimeSpan AggregationWindow { get; set; } = TimeSpan.FromMinutes(10);
}

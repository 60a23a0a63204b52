using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Status;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Service;

/// <summary>
/// ECS's service events ("has reached a steady state", "unable to place a task"...) as Kubernetes Events on the
/// Service, so `kubectl describe` shows them. ECS event ids are not ordered, so the newest posted event's time and id
/// are kept in status and only newer ones are posted: a restart repeats none.
/// </summary>
public static class ServiceEvents
{
    /// <summary>At most this many per reconcile, oldest first: a service with a long history does not flood the API server.</summary>
    private const int MaxPerReconcile = 20;

    /// <summary>The events newer than <paramref name="last"/>, oldest first.</summary>
    /// <remarks>
    /// Times are compared in whole milliseconds, ECS's own precision: epoch seconds read as a double land a tick or two
    /// off (1700000000.123 becomes ...0.1229998), and status keeps microseconds, so the posted event itself would
    /// otherwise look newer than its mark, and be posted again after every restart.
    /// </remarks>
    public static IReadOnlyList<Ecs.ServiceEvent> NewerThan(IEnumerable<Ecs.ServiceEvent>? events, ServiceEventMark? last)
    {
        var all = (events ?? []).Where(e => e.CreatedAt is not null && e.Id is not null)
            .OrderBy(e => Milliseconds(e.CreatedAt!.Value)).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        if (last?.CreatedAt is { } since)
        {
            var cut = Milliseconds(since.UtcDateTime);
            all = all.Where(e => Milliseconds(e.CreatedAt!.Value) is var at && (at > cut || (at == cut && string.CompareOrdinal(e.Id, last.Id) > 0))).ToList();
        }

        return all.TakeLast(MaxPerReconcile).ToList();
    }

    /// <summary>Posts the new events and moves the mark in status (written with the rest of the status).</summary>
    public static async Task PostAsync(StatusReporter<V1alpha1Service> status, V1alpha1Service obj, Ecs.Service observed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(observed);
        foreach (var e in NewerThan(observed.Events, obj.Status.LastEvent))
        {
            var severity = IsWarning(e.Message) ? EventSeverity.Warning : EventSeverity.Normal;
            await status.RecordAsync(obj, severity, "EcsServiceEvent", "EcsEvent", e.Message ?? string.Empty, cancellationToken);
            obj.Status.LastEvent = new ServiceEventMark { Id = e.Id, CreatedAt = ServiceRollout.Utc(e.CreatedAt!.Value) };
        }
    }

    private static long Milliseconds(DateTime at) =>
        (long)Math.Round((DateTime.SpecifyKind(at, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMilliseconds, MidpointRounding.AwayFromZero);

    private static bool IsWarning(string? message) =>
        message is not null && (message.Contains("unable", StringComparison.OrdinalIgnoreCase)
            || message.Contains("failed", StringComparison.OrdinalIgnoreCase)
            || message.Contains("unhealthy", StringComparison.OrdinalIgnoreCase));
}

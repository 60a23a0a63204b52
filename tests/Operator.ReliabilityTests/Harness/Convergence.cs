using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.Testing;
using k8s;
using Xunit;

namespace EcsOperator.ReliabilityTests.Harness;

/// <summary>Bounded waits for a phase's end state, and a watch for Stalled conditions while the faults run.</summary>
internal static class Convergence
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Every object exists and is Ready at its current generation; the failure lists those that are not and, given the
    /// operator's log lines (when it runs as a child), the last lines it logged about each of them.
    /// </summary>
    public static async Task ReadyAsync(KubeObjects objects, TwelveObjectStack stack, TimeSpan timeout, string phase, ReliabilityRun run, Func<IEnumerable<string>>? logLines = null)
    {
        List<IEcsResource> last = [];
        if (await Eventually.TrueAsync(async () => (last = await stack.ReadAllAsync(objects)).Count == stack.ObjectCount && last.All(KubeObjects.IsReady), timeout, Poll))
        {
            return;
        }

        var pending = last.Where(o => !KubeObjects.IsReady(o)).ToList();
        Assert.Fail($"{phase}: {last.Count}/{stack.ObjectCount} objects, not Ready within {timeout.TotalSeconds} s ({run}): {string.Join("; ", pending.Select(Describe))}{OperatorLogTail.For(pending, logLines)}");
    }

    /// <summary>Every object is gone: its finalizer was released, so the operator says AWS holds nothing of it.</summary>
    public static async Task GoneAsync(KubeObjects objects, TwelveObjectStack stack, TimeSpan timeout, ReliabilityRun run, Func<IEnumerable<string>>? logLines = null)
    {
        List<IEcsResource> last = [];
        if (await Eventually.TrueAsync(async () => (last = await stack.ReadAllAsync(objects)).Count == 0, timeout, Poll))
        {
            return;
        }

        Assert.Fail($"delete: {last.Count} objects left after {timeout.TotalSeconds} s ({run}): {string.Join("; ", last.Select(Describe))}{OperatorLogTail.For(last, logLines)}");
    }

    public static string Describe(IEcsResource o) =>
        $"{o.Kind}/{o.Metadata.Name} gen {o.Metadata.Generation} observed {o.ResourceStatus.ObservedGeneration} [{string.Join(", ", o.ResourceStatus.Conditions.Select(c => $"{c.Type}={c.Status}/{c.Reason}: {c.Message}"))}]";
}

/// <summary>
/// Reads every object of the stack in the background and remembers each Stalled=True it ever saw: a transient AWS
/// fault must show as Reconciling (Throttled or AwsError), never as Stalled. A Stalled that came and went between two
/// reads escapes the sampling, but not the Warning event the operator records whenever it stalls an object
/// (StatusReporter.StalledAsync, TerminalErrorReporter): when the watch stops, it also lists the namespace's
/// events.k8s.io/v1 Events and reports each one whose reason is a Stalled reason.
/// </summary>
internal sealed class StalledWatch : IAsyncDisposable, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _seen = [];
    private readonly KubeObjects _objects;
    private readonly string _namespace;
    private bool _eventsRead;

    public StalledWatch(KubeObjects objects, TwelveObjectStack stack)
        : this(objects, stack.Namespace, () => stack.ReadAllAsync(objects))
    {
    }

    public StalledWatch(KubeObjects objects, string @namespace, Func<Task<List<IEcsResource>>> readAll)
    {
        _objects = objects;
        _namespace = @namespace;
        _loop = Task.Run(() => LoopAsync(readAll, _stop.Token));
    }

    /// <summary>Reads taken; a watch that never read proves nothing.</summary>
    public int Reads { get; private set; }

    public HashSet<string> ReconcilingReasons { get; } = [];

    /// <summary>Events of the namespace looked at when the watch stopped (every reason, not only the Stalled ones).</summary>
    public int EventsRead { get; private set; }

    public IReadOnlyList<string> Stalled
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    /// <summary>Stops the reads and collects the Stalled events; safe to call twice (a test stops the watch before it reads the results).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_loop.IsCompleted)
        {
            await _stop.CancelAsync();
            await _loop;
        }

        if (!_eventsRead)
        {
            _eventsRead = true;
            await RecordStalledEventsAsync();
        }
    }

    public void Dispose() => _stop.Dispose();

    private async Task LoopAsync(Func<Task<List<IEcsResource>>> readAll, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                foreach (var o in await readAll())
                {
                    Record(o);
                }

                Reads++;
                await Task.Delay(TimeSpan.FromMilliseconds(200), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Every Warning the operator recorded with a Stalled reason, however briefly the condition lasted.</summary>
    private async Task RecordStalledEventsAsync()
    {
        var events = await _objects.Client.EventsV1.ListNamespacedEventAsync(_namespace, cancellationToken: TestContext.Current.CancellationToken);
        EventsRead = events.Items.Count;
        foreach (var e in events.Items.Where(e => ConditionReasons.Stalled.Contains(e.Reason)))
        {
            var times = e.Series is { } series ? $", {series.Count} times" : string.Empty;
            lock (_seen)
            {
                _seen.Add($"{e.Regarding?.Kind}/{e.Regarding?.Name}: {e.Reason}: {e.Note} (Event {e.Metadata.Name}{times})");
            }
        }
    }

    private void Record(IEcsResource o)
    {
        if (KubeObjects.Condition(o, ConditionTypes.Stalled) is { Status: ConditionStatus.True } stalled)
        {
            lock (_seen)
            {
                _seen.Add($"{o.Kind}/{o.Metadata.Name}: {stalled.Reason}: {stalled.Message}");
            }
        }

        if (KubeObjects.Condition(o, ConditionTypes.Reconciling) is { Status: ConditionStatus.True } reconciling)
        {
            lock (ReconcilingReasons)
            {
                ReconcilingReasons.Add(reconciling.Reason ?? string.Empty);
            }
        }
    }
}

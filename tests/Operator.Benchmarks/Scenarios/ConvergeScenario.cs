using System.Diagnostics;
using AwsFaultProxy;
using EcsOperator.Benchmarks.Harness;

namespace EcsOperator.Benchmarks.Scenarios;

/// <summary>
/// converge: from empty, N Services across 10 Clusters and N/20 TaskDefinitions (50 at N = 1000), until all are
/// Ready; wall time against the throttle-bound minimum, calls against the minimum number of calls.
/// </summary>
public static class ConvergeScenario
{
    public const int Clusters = 10;

    public static int TaskDefinitions(int services) => Math.Max(1, services / 20);

    /// <summary>Applies the objects and waits for Ready; the operator keeps running for the caller (steady).</summary>
    public static async Task<OperatorProcess> RunAsync(BenchStack stack, OperatorRun run, int services, Report report, CancellationToken cancellationToken)
    {
        var families = TaskDefinitions(services);
        var bound = new ThrottleBound(Clusters, families, services, stack.RolloutDelay, stack.RateScale);
        var op = await stack.StartOperatorAsync(run, cancellationToken);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var startedAt = DateTimeOffset.UtcNow;
            var workload = new Workload(stack.Kube);
            await workload.ClustersAsync(Clusters, cancellationToken);
            await workload.TaskDefinitionsAsync(families, cancellationToken);
            await workload.ServicesAsync(services, Clusters, families, cancellationToken);
            var metrics = await op.WaitUntilAsync(
                m => m.ReadyCount("Service") >= services && m.ReadyCount("Cluster") >= Clusters && m.ReadyCount("TaskDefinition") >= families,
                (bound.MinimumTime * 10) + TimeSpan.FromMinutes(2),
                TimeSpan.FromMilliseconds(200),
                cancellationToken);
            var wall = Stopwatch.GetElapsedTime(started);
            Report(report, stack, op, metrics, wall, bound);
            Timeline(report, stack, metrics, startedAt, wall);
        }
        catch
        {
            await op.DisposeAsync(); // the caller gets the operator only when it converged
            throw;
        }

        return op;
    }

    private static void Report(Report report, BenchStack stack, OperatorProcess op, Metrics metrics, TimeSpan wall, ThrottleBound bound)
    {
        const string name = "converge";
        var operations = stack.Proxy.Stats.Operations().Where(o => o.Calls > 0).OrderBy(o => o.Service).ThenBy(o => o.Operation).ToList();
        var calls = operations.Sum(o => o.Calls);
        var objects = bound.Clusters + bound.TaskDefinitions + bound.Services;
        var ratio = wall / bound.MinimumTime;
        report.Add(new(name, "wall time", wall.TotalSeconds, "s"));
        report.Add(new(name, "throttle-bound minimum (incl. one rollout delay)", bound.MinimumTime.TotalSeconds, "s"));
        report.Add(new(name, "wall / minimum", ratio, "×", "≤ 1.1", ratio <= 1.1));
        report.Add(new(name, "AWS calls", calls, "calls"));
        report.Add(new(name, "minimum calls", bound.MinimumCalls, "calls"));
        report.Add(new(name, "calls / minimum", calls / (double)bound.MinimumCalls, "×", "≤ 1.2", calls <= 1.2 * bound.MinimumCalls));
        report.Add(new(name, "calls per object", calls / (double)objects, "calls"));
        var throttled = operations.Sum(o => o.Throttled);
        report.Add(new(name, "throttling errors received", throttled, "errors", "0 reaching a condition", null, "retried by the SDK; none may reach a condition"));
        foreach (var o in operations)
        {
            report.Add(new(name, $"{o.Service} {o.Operation}", o.Calls, "calls", Note: o.Throttled > 0 ? $"{o.Throttled} throttled" : null));
        }

        report.Add(new(name, "reconciles per object", metrics.Reconciles / objects, "reconciles"));
        report.Add(new(name, "peak RSS", op.Memory().PeakRss / 1048576.0, "MB"));
        report.Add(new(name, "GC collections (all generations)", metrics.GcCollections, "collections"));

        // moto answers one request at a time (Python's GIL): when the operator's calls took far longer than one call
        // to an idle moto, they queued in moto, which then set the pace, not the emulated throttle.
        var mean = metrics.Sum("ecs_operator_aws_request_duration_seconds_sum") / Math.Max(1, metrics.Sum("ecs_operator_aws_request_duration_seconds_count"));
        var slowdown = mean / stack.MotoIdleLatency.TotalSeconds;
        report.Add(new(name, "mean AWS call latency / idle moto latency", slowdown, "×", "< 3: moto not the bottleneck", slowdown < 3, $"{mean * 1000:0.#} ms vs {stack.MotoIdleLatency.TotalMilliseconds:0.#} ms"));
    }

    /// <summary>
    /// Where the wall time went: when the mutating calls (the bound) started and ended, the rate between, the tail
    /// from the last one to all Ready, and the operator's budget wait per family. The 10-second timeline goes to the
    /// console only.
    /// </summary>
    private static void Timeline(Report report, BenchStack stack, Metrics metrics, DateTimeOffset startedAt, TimeSpan wall)
    {
        const string name = "converge";
        var journal = stack.Proxy.Stats.Journal().Where(c => c.Service == "ecs").ToList();
        var mutations = journal.Where(c => !EcsRates.IsRead(c.Operation)).Select(c => (c.Started - startedAt).TotalSeconds).Order().ToList();
        if (mutations.Count < 2)
        {
            return;
        }

        var first = mutations[0];
        var last = mutations[^1];
        report.Add(new(name, "first mutating call after the apply began", first, "s"));
        report.Add(new(name, "last mutating call", last, "s"));
        report.Add(new(name, "mutating calls per second between them", (mutations.Count - 1) / Math.Max(0.001, last - first), "calls/s", Note: $"{mutations.Count} calls"));
        report.Add(new(name, "last mutating call → all Ready", wall.TotalSeconds - last, "s"));
        foreach (var family in new[] { "EcsDescribe", "EcsMutate" })
        {
            var wait = metrics.Value("ecs_operator_aws_budget_wait_seconds_sum", ("family", family));
            var count = metrics.Value("ecs_operator_aws_budget_wait_seconds_count", ("family", family));
            report.Add(new(name, $"operator budget wait, {family}", wait, "s", Note: $"over {count:0} calls"));
        }

        Console.WriteLine("converge timeline (10 s windows after the apply began): mutating / read / throttled ECS calls");
        var windows = journal.GroupBy(c => (int)((c.Started - startedAt).TotalSeconds / 10)).OrderBy(g => g.Key);
        foreach (var w in windows)
        {
            var mutating = w.Count(c => !EcsRates.IsRead(c.Operation));
            var throttled = w.Count(c => c.Fault == FaultKind.Throttle);
            var ops = string.Join(" ", w.GroupBy(c => c.Operation).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"));
            Console.WriteLine($"  {w.Key * 10,4}s  {mutating,4} / {w.Count() - mutating,4} / {throttled,2}   {ops}");
        }
    }
}

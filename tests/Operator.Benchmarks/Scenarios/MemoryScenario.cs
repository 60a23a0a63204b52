using EcsOperator.Benchmarks.Harness;

namespace EcsOperator.Benchmarks.Scenarios;

/// <summary>
/// memory: RSS and managed heap after an induced full GC, for a bare host and for the operator with 0, 1,000 and
/// 10,000 stalled objects in its cache (they make no AWS call), then with 1,000 real ones on top; first with the
/// operator's production GC settings (its runtimeconfig), then with server GC for comparison.
/// </summary>
public static class MemoryScenario
{
    private const double MiB = 1048576.0;

    public static async Task RunAsync(BenchStack stack, bool quick, Report report, CancellationToken cancellationToken)
    {
        var bare = await BareHost.MeasureAsync(stack.Directory, cancellationToken);
        report.Add(new("memory", "bare host RSS (KubernetesClient + AWSSDK.Core, workstation GC)", bare / MiB, "MB"));
        var steps = quick ? new[] { 0, 100, 500 } : [0, 1000, 10_000];
        var real = quick ? 50 : 1000;
        var server = new OperatorRun { Label = "operator-server-gc", Environment = new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" } };

        // Server GC at 0 objects first, so that the comparison has an idle figure too.
        await using (var op = await stack.StartOperatorAsync(server, cancellationToken))
        {
            await MeasureAsync(op, "memory (server GC, for comparison)", "0 objects", bare, report, cancellationToken);
        }

        var workload = new Workload(stack.Kube);
        await using (var op = await stack.StartOperatorAsync(new OperatorRun { Label = "operator-memory" }, cancellationToken))
        {
            var created = 0;
            foreach (var step in steps)
            {
                await workload.StalledTaskDefinitionsAsync(created, step - created, cancellationToken);
                created = step;
                await op.WaitUntilAsync(m => Stalled(m) >= step, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(250), cancellationToken);
                await MeasureAsync(op, "memory (production GC settings)", $"{step:#,0} stalled objects", step == 0 ? bare : null, report, cancellationToken, step);
            }

            await RealObjectsAsync(workload, real, cancellationToken);
            await op.WaitUntilAsync(m => m.ReadyCount("Service") >= real - ConvergeScenario.Clusters - (real / 20), TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(500), cancellationToken);
            await MeasureAsync(op, "memory (production GC settings)", $"{created:#,0} stalled + {real:#,0} real objects", null, report, cancellationToken, created + real);
        }

        // A fresh process of each at the final state: the long-running one above also carries its history.
        var fresh = new[] { (new OperatorRun { Label = "operator-memory-fresh" }, "memory (production GC settings)"), (server with { Label = "operator-server-gc-full" }, "memory (server GC, for comparison)") };
        foreach (var (run, scenario) in fresh)
        {
            await using var op = await stack.StartOperatorAsync(run, cancellationToken);
            await op.WaitUntilAsync(m => Stalled(m) >= steps[^1], TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(250), cancellationToken);
            await MeasureAsync(op, scenario, $"fresh start, {steps[^1]:#,0} stalled + {real:#,0} real objects", null, report, cancellationToken, steps[^1] + real);
        }
    }

    /// <summary>10 Clusters, real/20 TaskDefinitions, and Services for the rest of the real objects.</summary>
    private static async Task RealObjectsAsync(Workload workload, int real, CancellationToken cancellationToken)
    {
        var families = real / 20;
        await workload.ClustersAsync(ConvergeScenario.Clusters, cancellationToken);
        await workload.TaskDefinitionsAsync(families, cancellationToken);
        await workload.ServicesAsync(real - ConvergeScenario.Clusters - families, ConvergeScenario.Clusters, families, cancellationToken);
    }

    private static double Stalled(Metrics m) =>
        m.Value("ecs_operator_resources", ("kind", "TaskDefinition"), ("condition", "Stalled"), ("status", "True"));

    /// <summary>The idle operator's managed heap: what "heap bytes per object" is counted from.</summary>
    private static double _idleHeap;

    private static async Task MeasureAsync(OperatorProcess op, string scenario, string what, long? bare, Report report, CancellationToken cancellationToken, int objects = 0)
    {
        op.CollectGarbage();
        var (rss, _) = op.Memory();
        var metrics = await op.ScrapeAsync(cancellationToken);
        var rssMb = rss / MiB;
        var target = objects >= 10_000 ? "≤ 150 MB" : null;
        report.Add(new(scenario, $"RSS, {what}", rssMb, "MB", target, target is null ? null : rssMb <= 150));
        report.Add(new(scenario, $"managed heap, {what}", metrics.ManagedHeapBytes / MiB, "MB"));
        if (objects == 0)
        {
            _idleHeap = metrics.ManagedHeapBytes;
        }

        if (bare is { } b)
        {
            var ratio = rss / (double)b;
            report.Add(new(scenario, "idle RSS / bare host", ratio, "×", "≤ 1.25", ratio <= 1.25));
        }

        if (objects > 0)
        {
            report.Add(new(scenario, $"heap bytes per object above idle, {what}", (metrics.ManagedHeapBytes - _idleHeap) / objects, "bytes"));
        }
    }
}

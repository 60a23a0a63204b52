using System.Diagnostics;
using EcsOperator.Benchmarks.Harness;

namespace EcsOperator.Benchmarks.Scenarios;

/// <summary>startup: from process start to the end of the first reconcile, with N objects (default 1,000) present; the median of 3 starts (1 with --quick).</summary>
public static class StartupScenario
{

    public static async Task RunAsync(BenchStack stack, int objects, bool quick, Report report, CancellationToken cancellationToken)
    {
        var starts = quick ? 1 : 3;
        var workload = new Workload(stack.Kube);
        var families = Math.Max(1, objects / 20);
        await workload.ClustersAsync(ConvergeScenario.Clusters, cancellationToken);
        await workload.TaskDefinitionsAsync(families, cancellationToken);
        await workload.ServicesAsync(objects - ConvergeScenario.Clusters - families, ConvergeScenario.Clusters, families, cancellationToken);
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < starts; i++)
        {
            await using var op = await stack.StartOperatorAsync(new OperatorRun { Label = $"operator-startup-{i}" }, cancellationToken);
            await op.WaitUntilAsync(m => m.Reconciles > 0, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(5), cancellationToken);
            wall.Add(Stopwatch.GetElapsedTime(op.StartedTimestamp).TotalSeconds);
            cpu.Add(op.CpuTime().TotalSeconds);
        }

        var medianWall = Median(wall);
        report.Add(new("startup", $"process start → first reconcile, {objects:#,0} objects (median of {starts})", medianWall, "s", "≤ 1.5 s", medianWall <= 1.5, All(wall)));

        // CPU time is what the load of a shared machine does not inflate: wall time at load 30 is several times it.
        report.Add(new("startup", "operator CPU time (user + system) by the first reconcile (median)", Median(cpu), "s", Note: All(cpu)));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string All(IEnumerable<double> values) =>
        $"all: {string.Join(", ", values.Select(t => t.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} s";
}

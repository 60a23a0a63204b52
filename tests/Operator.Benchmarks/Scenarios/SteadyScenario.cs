using EcsOperator.Benchmarks.Harness;

namespace EcsOperator.Benchmarks.Scenarios;

/// <summary>
/// steady: after converge, 3 resync sweeps with --resync-strategy batched, then 3 with per-object (ACK's pattern: one
/// Describe per object) against the same objects; reads and mutations per resync, reconciles per object, and the ratio.
/// </summary>
public static class SteadyScenario
{
    private const int Sweeps = 3;
    private const string SweepsStarted = "ecs_operator_resync_sweeps_total";
    private const string SweepsFinished = "ecs_operator_resync_sweep_duration_seconds_count";
    private static readonly string[] Controllers = ["cluster", "taskdefinition", "service", "loadbalancerbinding"];

    public static async Task RunAsync(BenchStack stack, int services, Report report, CancellationToken cancellationToken)
    {
        var families = ConvergeScenario.TaskDefinitions(services);
        var objects = ConvergeScenario.Clusters + families + services;

        // Long enough that a per-object sweep (one read per object) fits in one period at the emulated read rate.
        var period = TimeSpan.FromSeconds(Math.Max(5, 1.5 * objects / EcsRates.Scaled(stack.RateScale)[1].RatePerSecond));
        var batched = await OperatorProcess.HasFlagAsync("--resync-strategy");
        if (!batched)
        {
            report.Note("this operator has no --resync-strategy flag yet (the batched sweep is on branch sweep): steady measured its only strategy, one Describe per object, and no ratio");
        }

        string?[] strategies = batched ? ["batched", "per-object"] : [null];
        var converged = await ConvergeScenario.RunAsync(stack, new OperatorRun { ResyncPeriod = period, ResyncStrategy = strategies[0], Label = "operator-steady-0" }, services, report, cancellationToken);
        var reads = new List<double>();
        for (var i = 0; i < strategies.Length; i++)
        {
            var op = i == 0 ? converged : await stack.StartOperatorAsync(new OperatorRun { ResyncPeriod = period, ResyncStrategy = strategies[i], Label = $"operator-steady-{i}" }, cancellationToken);
            await using (op)
            {
                reads.Add(await MeasureAsync(stack, op, strategies[i] ?? "per-object", period, objects, services, families, report, cancellationToken));
            }
        }

        if (reads.Count == 2)
        {
            report.Add(new("steady", "per-object reads / batched reads", reads[1] / reads[0], "×", "about 7 at the default N"));
        }
    }

    private static async Task<double> MeasureAsync(BenchStack stack, OperatorProcess op, string strategy, TimeSpan period, int objects, int services, int families, Report report, CancellationToken cancellationToken)
    {
        // From one quiet moment to the one 3 sweeps of every kind later: exactly 3 periods of resync work, whole.
        var timeout = (period * (Sweeps + 3)) + TimeSpan.FromMinutes(1);
        var first = await op.ScrapeAsync(cancellationToken);
        var start = await QuietAfterAsync(op, first, 1, timeout, cancellationToken);
        var before = stack.Proxy.Stats.Operations().ToDictionary(o => (o.Service, o.Operation));
        var end = await QuietAfterAsync(op, start, Sweeps, timeout, cancellationToken);
        var delta = stack.Proxy.Stats.Operations()
            .Select(o => (Now: o, Then: before.GetValueOrDefault((o.Service, o.Operation))))
            .Select(o => (o.Now.Operation, Calls: o.Now.Calls - (o.Then?.Calls ?? 0), Throttled: o.Now.Throttled - (o.Then?.Throttled ?? 0)))
            .Where(o => o.Calls > 0)
            .ToList();
        var reads = delta.Where(o => EcsRates.IsRead(o.Operation)).Sum(o => o.Calls) / (double)Sweeps;
        var mutations = delta.Sum(o => o.Calls) - (reads * Sweeps);
        var perCluster = (int)Math.Ceiling(services / (double)ConvergeScenario.Clusters / 10);
        var bound = (ConvergeScenario.Clusters * perCluster) + (int)Math.Ceiling(ConvergeScenario.Clusters / 100.0) + families;
        var name = $"steady ({strategy})";
        report.Add(new(name, "resync period", period.TotalSeconds, "s"));
        report.Add(new(name, "read calls per resync", reads, "calls", $"≤ {bound} (Σ ceil(S_c/10) + ceil(C/100) + F)", reads <= bound));
        foreach (var (operation, calls, throttled) in delta)
        {
            report.Add(new(name, operation, calls / (double)Sweeps, "calls per resync", Note: throttled > 0 ? $"{throttled} throttled by the emulated bucket and retried, over {Sweeps} resyncs" : null));
        }

        report.Add(new(name, "mutating calls", mutations, "calls", "0", mutations == 0));
        var reconciles = (end.Reconciles - start.Reconciles) / Sweeps / objects;
        report.Add(new(name, "reconciles per object per resync", reconciles, "reconciles", "≤ 1.05", reconciles <= 1.05));
        return reads;
    }

    /// <summary>
    /// The first scrape at which every kind has started <paramref name="sweeps"/> more sweeps than at
    /// <paramref name="since"/>, every started sweep has queued all its objects, and no queue holds work or runs it: the
    /// quiet part of a period, after a round of sweeps and their reconciles and before the next round. A window between
    /// two such moments holds whole sweeps: its reads and reconciles are those sweeps' and whatever else ran between
    /// them, none cut off at either edge. (Counting from the moment a sweep counter moved, as before, cut both ways: it
    /// missed the reconciles and reads a sweep made before the scrape and counted those of the sweep after.)
    /// </summary>
    private static async Task<Metrics> QuietAfterAsync(OperatorProcess op, Metrics since, int sweeps, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var quiet = await op.WaitUntilAsync(
            m => Controllers.All(c => Started(m, c) >= Started(since, c) + sweeps)
                && m.Sum(SweepsStarted) == m.Sum(SweepsFinished)
                && m.Sum("workqueue_depth") == 0 && m.Sum("controller_runtime_active_workers") == 0,
            timeout,
            TimeSpan.FromMilliseconds(100),
            cancellationToken);

        // A kind whose next sweep already started would put a fourth sweep into the window: a period too short for
        // the work of one, which the scenario's choice of period rules out; say so rather than report a wrong figure.
        var over = Controllers.Where(c => Started(quiet, c) != Started(since, c) + sweeps).ToList();
        return over.Count == 0
            ? quiet
            : throw new InvalidOperationException($"no quiet moment between the sweeps of {string.Join(", ", over)}: the resync period is too short for one sweep's work");
    }

    private static double Started(Metrics m, string controller) => m.Value(SweepsStarted, ("controller", controller));
}

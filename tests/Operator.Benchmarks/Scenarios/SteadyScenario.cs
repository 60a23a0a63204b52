using EcsOperator.Benchmarks.Harness;

namespace EcsOperator.Benchmarks.Scenarios;

/// <summary>
/// steady: after converge, 3 resync sweeps with --resync-strategy batched, then 3 with per-object (ACK's pattern: one
/// Describe per object) against the same objects; reads and mutations per resync, reconciles per object, and the ratio.
/// </summary>
public static class SteadyScenario
{
    private const int Sweeps = 3;
    private const int Kinds = 4;

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
        // From one sweep boundary to the one 3 sweeps later: exactly 3 periods of resync work.
        var timeout = (period * (Sweeps + 3)) + TimeSpan.FromMinutes(1);
        var every = TimeSpan.FromMilliseconds(100);
        var first = (await op.ScrapeAsync(cancellationToken)).Sum("ecs_operator_resync_sweeps_total");
        var start = await op.WaitUntilAsync(m => m.Sum("ecs_operator_resync_sweeps_total") >= first + Kinds, timeout, every, cancellationToken);
        var sweeps = start.Sum("ecs_operator_resync_sweeps_total");
        var before = stack.Proxy.Stats.Operations().ToDictionary(o => (o.Service, o.Operation), o => o.Calls);
        var end = await op.WaitUntilAsync(m => m.Sum("ecs_operator_resync_sweeps_total") >= sweeps + (Sweeps * Kinds), timeout, every, cancellationToken);
        var delta = stack.Proxy.Stats.Operations()
            .Select(o => (o.Operation, Calls: o.Calls - before.GetValueOrDefault((o.Service, o.Operation))))
            .Where(o => o.Calls > 0)
            .ToList();
        var reads = delta.Where(o => EcsRates.IsRead(o.Operation)).Sum(o => o.Calls) / (double)Sweeps;
        var mutations = delta.Sum(o => o.Calls) - (reads * Sweeps);
        var perCluster = (int)Math.Ceiling(services / (double)ConvergeScenario.Clusters / 10);
        var bound = (ConvergeScenario.Clusters * perCluster) + (int)Math.Ceiling(ConvergeScenario.Clusters / 100.0) + families;
        var name = $"steady ({strategy})";
        report.Add(new(name, "resync period", period.TotalSeconds, "s"));
        report.Add(new(name, "read calls per resync", reads, "calls", $"≤ {bound} (Σ ceil(S_c/10) + ceil(C/100) + F)", reads <= bound));
        foreach (var (operation, calls) in delta)
        {
            report.Add(new(name, operation, calls / (double)Sweeps, "calls per resync"));
        }

        report.Add(new(name, "mutating calls", mutations, "calls", "0", mutations == 0));
        var reconciles = (end.Reconciles - start.Reconciles) / Sweeps / objects;
        report.Add(new(name, "reconciles per object per resync", reconciles, "reconciles", "≤ 1.05", reconciles <= 1.05));
        return reads;
    }
}

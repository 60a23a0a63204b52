using EcsOperator.Benchmarks.Harness;

namespace EcsOperator.Benchmarks.Scenarios;

/// <summary>Runs the chosen scenario (or all of them), each on a fresh stack so that none inherits another's state.</summary>
public static class ScenarioRunner
{
    /// <summary>
    /// memory and startup measure no speed: their objects converge at 10× the chosen rates, so that the 1,000 real
    /// objects do not take minutes of emulated throttle.
    /// </summary>
    private const double UntimedRateFactor = 10;

    /// <summary>
    /// latency's stack runs at least at ×40: 100 tag edits a second need 100 DescribeClusters and 100 TagResource a
    /// second, where AWS's rates allow 20 and 5; at ×40 the emulated buckets (800/s and 200/s) carry the edits, so the
    /// figure is the operator's path and not a throttling storm (docs/performance.md, latency).
    /// </summary>
    private const double LatencyMinimumRateScale = 40;

    public static async Task RunAsync(HarnessOptions options, Report report, CancellationToken cancellationToken)
    {
        var all = options.Scenario == "all";
        OperatorProcess.ExtraEnvironment = options.OperatorEnvironment;
        if (options.OperatorEnvironment.Count > 0)
        {
            report.Note($"NOT as the image ships: the operator ran with {string.Join(" ", options.OperatorEnvironment.Select(e => $"{e.Key}={e.Value}"))} on top of the Dockerfile's settings");
        }
        if (options.ReadyToRun)
        {
            await BuildOutput.PublishReadyToRunAsync(cancellationToken);
            report.Note($"NOT as the image ships: the operator published ReadyToRun ({BuildOutput.Operator}), as the image was before native AOT");
        }

        if (options.Aot)
        {
            await BuildOutput.PublishAotAsync(cancellationToken);
            report.Note($"the operator as the image ships it: published native AOT ({BuildOutput.Operator}), with EventSource support added so that the harness can induce a full GC (the image has none)");
        }

        if (all || options.Scenario == "startup")
        {
            await using var stack = await StartAsync(options.RateScale * UntimedRateFactor, report, cancellationToken);
            await StartupScenario.RunAsync(stack, options.Objects, options.Quick, report, cancellationToken);
        }

        if (all || options.Scenario == "memory")
        {
            await using var stack = await StartAsync(options.RateScale * UntimedRateFactor, report, cancellationToken);
            await MemoryScenario.RunAsync(stack, options.Quick, report, cancellationToken);
        }

        if (all || options.Scenario == "latency")
        {
            await using var stack = await StartAsync(Math.Max(options.RateScale, LatencyMinimumRateScale), report, cancellationToken);
            await LatencyScenario.RunAsync(stack, options.Quick, report, cancellationToken);
        }

        // steady converges first and reports converge's figures, so "all" runs it instead of a separate converge.
        if (all || options.Scenario == "steady")
        {
            await using var stack = await StartAsync(options.RateScale, report, cancellationToken);
            await SteadyScenario.RunAsync(stack, options.Objects, report, cancellationToken);
        }
        else if (options.Scenario == "converge")
        {
            await using var stack = await StartAsync(options.RateScale, report, cancellationToken);
            await using var op = await ConvergeScenario.RunAsync(stack, new OperatorRun { Label = "operator-converge" }, options.Objects, report, cancellationToken);
        }
    }

    private static async Task<BenchStack> StartAsync(double rateScale, Report report, CancellationToken cancellationToken)
    {
        var stack = await BenchStack.StartAsync(rateScale, cancellationToken);
        Console.WriteLine($"stack: {stack.Directory} (logs), AWS rates ×{Report.Format(rateScale)}, ECS rollout delay {stack.RolloutDelay.TotalMilliseconds:0} ms");
        report.Note($"a stack at AWS rates ×{Report.Format(rateScale)} (ECS rollout delay {stack.RolloutDelay.TotalMilliseconds:0} ms); emulated buckets: {string.Join("; ", EcsRates.Scaled(rateScale).Select(b => $"{b.Service} {b.Operations} {Report.Format(b.RatePerSecond)}/s burst {b.Burst}{(b.Published ? string.Empty : " (guess)")}"))}");
        return stack;
    }
}

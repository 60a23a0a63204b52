using BenchmarkDotNet.Running;
using EcsOperator.Benchmarks.Harness;
using EcsOperator.Benchmarks.Scenarios;

// The performance harness of docs/performance.md (never part of dotnet test):
//   dotnet run -c Release --project tests/Operator.Benchmarks -- <converge|steady|latency|memory|startup|all> [--objects N] [--json PATH] [--record] [--quick] [--rate-scale X]
//   dotnet run -c Release --project tests/Operator.Benchmarks -- micro --filter '*'     (BenchmarkDotNet micro benchmarks)
if (args.FirstOrDefault() == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(EcsOperator.Benchmarks.SpecHashBenchmarks).Assembly).Run(args[1..]);
    return 0;
}

if (args.FirstOrDefault() == BareHost.Command)
{
    return await BareHost.RunAsync();
}

HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync($"{e.Message}\n{HarnessOptions.Usage}");
    return 2;
}

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; interrupted.Cancel(); };
var report = new Report(options, args);
await ScenarioRunner.RunAsync(options, report, interrupted.Token);
await report.WriteAsync();
return 0;

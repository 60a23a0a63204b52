using BenchmarkDotNet.Running;

// Runs the benchmarks and prints BenchmarkDotNet's figures (mean, allocations).
//   dotnet run -c Release --project tests/Operator.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(EcsOperator.Benchmarks.SpecHashBenchmarks).Assembly).Run(args);

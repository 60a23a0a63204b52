using System.CommandLine;
using EcsOperator.Playground;

// The README's first command: dotnet run --project src/Playground -- --apply config/samples/quickstart
using var shutdown = new ShutdownSignal();
var console = new PlaygroundConsole(Console.Out, Console.Error);
var command = PlaygroundCommandLine.Build((options, _) => new PlaygroundRunner(options, console).RunAsync(shutdown.Token));

// Signals are handled by ShutdownSignal, not System.CommandLine: its handler would end the process two seconds
// after Ctrl-C, before the operator, LocalKube and moto have been stopped.
return await command.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using AwsFaultProxy;
using EcsOperator.Hosting;
using Microsoft.Extensions.Logging;

// Command line: dotnet run --project tests/AwsFaultProxy -- --upstream http://127.0.0.1:5000 [--port 0] [--seed 42] [--rules rules.json] [--preserve-host]
//   [--ecs-scheduler [--ecs-scheduler-delay 2s]] [--verbose]
// Prints "READY url=http://127.0.0.1:<port>" once listening; runs until SIGINT/SIGTERM.
var parsed = ProxyArguments.Parse(args);
if (parsed.Error is not null)
{
    await Console.Error.WriteLineAsync(parsed.Error);
    await Console.Error.WriteLineAsync(ProxyArguments.Usage);
    return 2;
}

using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)
    .SetMinimumLevel(parsed.Verbose ? LogLevel.Debug : LogLevel.Warning));
parsed.Options.LoggerFactory = loggerFactory;
await using var proxy = await FaultProxy.StartAsync(parsed.Options);
Console.WriteLine($"READY url={proxy.Endpoint.ToString().TrimEnd('/')} seed={proxy.Seed}");

var stopped = new TaskCompletionSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stopped.TrySetResult(); });
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stopped.TrySetResult(); });
await stopped.Task;
return 0;

/// <summary>The proxy's command-line arguments.</summary>
internal sealed record ProxyArguments(FaultProxyOptions Options, bool Verbose, string? Error)
{
    public const string Usage = "usage: AwsFaultProxy --upstream <url> [--port <n>] [--seed <n>] [--rules <file.json>] [--preserve-host] "
        + "[--ecs-scheduler [--ecs-scheduler-delay <duration, e.g. 2s>]] [--verbose]";

    public static ProxyArguments Parse(string[] args)
    {
        var options = new FaultProxyOptions();
        var verbose = false;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                var name = args[i];
                string Value() => ++i < args.Length ? args[i] : throw new ArgumentException($"{name} needs a value");
                switch (name)
                {
                    case "--upstream": options.Upstream = new Uri(Value()); break;
                    case "--port": options.Port = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--seed": options.Seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--rules": AddRules(options, Value()); break;
                    case "--preserve-host": options.PreserveHost = true; break;
                    case "--ecs-scheduler": options.EcsScheduler = true; break;
                    case "--ecs-scheduler-delay": options.EcsSchedulerDelay = Duration(name, Value()); break;
                    case "--verbose": verbose = true; break;
                    default: return new(options, verbose, $"unknown argument {name}");
                }
            }
        }
        catch (Exception e) when (e is FormatException or UriFormatException or IOException or JsonException or ArgumentException)
        {
            return new(options, verbose, $"bad arguments: {e.Message}");
        }

        return options.Upstream is null ? new(options, verbose, "--upstream is required") : new(options, verbose, null);
    }

    private static TimeSpan Duration(string name, string text) =>
        GoDuration.TryParse(text, out var value) ? value : throw new ArgumentException($"{name}: '{text}' is not a duration (e.g. 500ms, 2s, 1m)");

    private static void AddRules(FaultProxyOptions options, string path)
    {
        foreach (var rule in JsonSerializer.Deserialize<List<FaultRule>>(File.ReadAllText(path), ProxyJson.Options) ?? [])
        {
            rule.Validate();
            options.Rules.Add(rule);
        }
    }
}

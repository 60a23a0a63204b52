using System.Globalization;

namespace EcsOperator.Benchmarks.Harness;

/// <summary>
/// The harness's command line: <c>&lt;scenario&gt; [--objects N] [--json PATH] [--record] [--quick] [--rate-scale X] [--ready-to-run | --aot] [--operator-env NAME=VALUE]...</c>.
/// </summary>
public sealed record HarnessOptions
{
    public const string Usage =
        "usage: Operator.Benchmarks <converge|steady|latency|memory|startup|all|micro> [--objects N] [--json PATH] [--record] [--quick] [--rate-scale X] [--ready-to-run | --aot] [--operator-env NAME=VALUE]...\n"
        + "  micro passes the rest to BenchmarkDotNet (e.g. micro --filter '*').";

    public static readonly string[] Scenarios = ["converge", "steady", "latency", "memory", "startup", "all"];

    public required string Scenario { get; init; }

    /// <summary>Services in converge/steady, real objects in memory and startup.</summary>
    public int Objects { get; init; } = 1000;

    public string? JsonPath { get; init; }

    /// <summary>Append the markdown table to docs/performance.md.</summary>
    public bool Record { get; init; }

    /// <summary>The smoke mode: N = 100, rates ×10, short phases. Proves the harness works; its figures are not targets.</summary>
    public bool Quick { get; init; }

    /// <summary>A factor on the emulated AWS rates and on the operator's own budget (--aws-budget-scale).</summary>
    public double RateScale { get; init; } = 1;

    /// <summary>Run the operator published ReadyToRun (the image before native AOT; a publish of a few minutes first), not the plain build.</summary>
    public bool ReadyToRun { get; init; }

    /// <summary>Run the operator as the image ships it: published native AOT (a publish of about three minutes first).</summary>
    public bool Aot { get; init; }

    /// <summary>
    /// Environment for the operator on top of the Dockerfile's (a runtime knob under study, e.g.
    /// DOTNET_TieredCompilation=0); every report notes it, so that no figure taken with it passes for what ships.
    /// </summary>
    public IReadOnlyDictionary<string, string> OperatorEnvironment { get; init; } = new Dictionary<string, string>();

    public static HarnessOptions Parse(string[] args)
    {
        if (args.Length == 0 || !Scenarios.Contains(args[0]))
        {
            throw new ArgumentException($"unknown scenario '{args.FirstOrDefault()}'");
        }

        var quick = args.Contains("--quick");
        var options = new HarnessOptions { Scenario = args[0], Quick = quick, Objects = quick ? 100 : 1000, RateScale = quick ? 10 : 1 };
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => ++i < args.Length ? args[i] : throw new ArgumentException($"{name} needs a value");
            options = name switch
            {
                "--objects" => options with { Objects = Positive(name, int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--json" => options with { JsonPath = Value() },
                "--record" => options with { Record = true },
                "--quick" => options,
                "--ready-to-run" => options with { ReadyToRun = true },
                "--aot" => options with { Aot = true },
                "--operator-env" => options with { OperatorEnvironment = WithVariable(options.OperatorEnvironment, Value()) },
                "--rate-scale" => options with { RateScale = Positive(name, double.Parse(Value(), CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"unknown argument {name}"),
            };
        }

        return options is { ReadyToRun: true, Aot: true }
            ? throw new ArgumentException("--ready-to-run and --aot are two builds of the operator; pass one")
            : options;
    }

    private static Dictionary<string, string> WithVariable(IReadOnlyDictionary<string, string> environment, string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--operator-env takes NAME=VALUE, not '{assignment}'");
        }

        return new Dictionary<string, string>(environment) { [assignment[..equals]] = assignment[(equals + 1)..] };
    }

    private static T Positive<T>(string name, T value)
        where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new ArgumentException($"{name} must be greater than 0, not {value}");
}

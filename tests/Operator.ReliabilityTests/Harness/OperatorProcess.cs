using System.Globalization;
using EcsOperator.Testing;

namespace EcsOperator.ReliabilityTests.Harness;

/// <summary>
/// `ecs-operator run` as a child process, pointed at LocalKube and at the fault proxy, with its metrics on a loopback
/// port: its controller_runtime_reconcile_total counters tell when a restarted operator has looked at every object.
/// </summary>
public sealed class OperatorProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly ChildProcess _child;

    private OperatorProcess(ChildProcess child, Uri metrics)
    {
        _child = child;
        Metrics = metrics;
    }

    public Uri Metrics { get; }

    public int ProcessId => _child.ProcessId;

    public bool HasExited => _child.HasExited;

    public static OperatorProcess Start(OperatorLaunch launch, string logPath)
    {
        var metricsPort = FreePort.Next();
        List<string> args =
        [
            "run",
            "--kubeconfig", launch.KubeconfigPath,
            "--aws-endpoint-url", launch.AwsEndpoint.ToString().TrimEnd('/'),
            "--region", MotoServer.Region,
            "--cluster-id", launch.ClusterId,
            "--resync-period", launch.ResyncPeriod,
            "--workers", "4",
            "--metrics-bind-address", $"127.0.0.1:{metricsPort.ToString(CultureInfo.InvariantCulture)}",
            "--metrics-secure=false", // scraped over plain HTTP by the test; the secure default is MetricsAuthTests' subject
            "--health-probe-bind-address", "0",
            .. launch.ExtraArguments,
        ];
        var child = ChildProcess.Start("ecs-operator.dll", args, launch.Environment, logPath);
        return new OperatorProcess(child, new Uri($"http://127.0.0.1:{metricsPort.ToString(CultureInfo.InvariantCulture)}/metrics"));
    }

    /// <summary>The exposition text, or null while the process is starting (or gone).</summary>
    public async Task<string?> ScrapeAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Http.GetStringAsync(Metrics, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public Task KillAsync() => _child.KillAsync();

    public void KillNow() => _child.KillNow();

    public ValueTask DisposeAsync() => _child.DisposeAsync();
}

/// <summary>How every operator process of one stack starts; <see cref="ExtraArguments"/> adds e.g. leader election flags.</summary>
public sealed record OperatorLaunch(string KubeconfigPath, Uri AwsEndpoint, string ClusterId, IReadOnlyDictionary<string, string> Environment)
{
    public string ResyncPeriod { get; init; } = "30s";

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}

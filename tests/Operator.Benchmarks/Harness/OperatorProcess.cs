using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EcsOperator.Playground;
using Microsoft.Diagnostics.NETCore.Client;

namespace EcsOperator.Benchmarks.Harness;

/// <summary>How one operator process is started: its flags beyond the stack's, and extra environment (GC settings).</summary>
public sealed record OperatorRun
{
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    public int Workers { get; init; } = 4;

    /// <summary>On top of the stack's rate scale: the latency scenario gives the operator room so that no edit waits for a token.</summary>
    public double BudgetScale { get; init; } = 1;

    /// <summary>--resync-strategy, only passed when set (the flag exists once the batched sweep has landed).</summary>
    public string? ResyncStrategy { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string Label { get; init; } = "operator";
}

/// <summary>The real operator, <c>dotnet ecs-operator.dll run</c>, against a <see cref="BenchStack"/>; read through /metrics and /proc.</summary>
public sealed class OperatorProcess : IAsyncDisposable
{
    private readonly ChildProcess _child;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private OperatorProcess(ChildProcess child, Uri metrics)
    {
        _child = child;
        MetricsUri = metrics;
    }

    public Uri MetricsUri { get; }

    public int Id => _child.Id;

    public long StartedTimestamp => _child.StartedTimestamp;

    public (long Rss, long PeakRss) Memory() => _child.Memory();

    public TimeSpan CpuTime() => _child.CpuTime();

    /// <summary>
    /// The harness's --operator-env: applied after the Dockerfile's variables, before the run's own; <c>{label}</c> in a
    /// value becomes the run's label, so that a file named in it (DOTNET_JitStdOutFile) is one per operator process.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ExtraEnvironment { get; set; } = new Dictionary<string, string>();

    public static async Task<OperatorProcess> StartAsync(BenchStack stack, OperatorRun run, CancellationToken cancellationToken)
    {
        var port = FreeLoopbackPort();
        var args = new List<string>
        {
            "run", "--kubeconfig", stack.KubeconfigPath, "--namespace", BenchStack.Namespace, "--region", BenchStack.Region,
            "--aws-endpoint-url", stack.Proxy.Endpoint.ToString().TrimEnd('/'),
            "--aws-budget-scale", (stack.RateScale * run.BudgetScale).ToString(CultureInfo.InvariantCulture),
            "--resync-period", $"{(int)run.ResyncPeriod.TotalMilliseconds}ms", "--workers", run.Workers.ToString(CultureInfo.InvariantCulture),
            "--metrics-bind-address", $"127.0.0.1:{port}", "--metrics-secure=false", "--health-probe-bind-address", "0",
        };
        if (run.ResyncStrategy is not null)
        {
            args.AddRange(["--resync-strategy", run.ResyncStrategy]);
        }

        var environment = new Dictionary<string, string>(AwsEnvironment.For(stack.Proxy.Endpoint, BenchStack.Region));
        foreach (var (key, value) in ProductionEnvironment.FromDockerfile())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in ExtraEnvironment)
        {
            environment[key] = value.Replace("{label}", run.Label, StringComparison.Ordinal);
        }

        foreach (var (key, value) in run.Environment)
        {
            environment[key] = value;
        }

        var child = ChildProcess.StartDotnet(BuildOutput.Operator, args, Path.Combine(stack.Directory, $"{run.Label}.log"), environment);
        var process = new OperatorProcess(child, new Uri($"http://127.0.0.1:{port}/metrics"));
        try
        {
            await process.WaitForMetricsAsync(cancellationToken);
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether <c>ecs-operator run --help</c> lists a flag (features that other branches add).</summary>
    public static async Task<bool> HasFlagAsync(string flag)
    {
        var psi = ChildProcess.StartInfo(BuildOutput.Operator);
        psi.ArgumentList.Add("run");
        psi.ArgumentList.Add("--help");
        psi.RedirectStandardOutput = true;
        using var process = Process.Start(psi)!;
        var help = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return help.Contains(flag, StringComparison.Ordinal);
    }

    public async Task<Metrics> ScrapeAsync(CancellationToken cancellationToken) =>
        new(await _http.GetStringAsync(MetricsUri, cancellationToken));

    /// <summary>Scrapes every <paramref name="every"/> until <paramref name="done"/> holds; bounded by <paramref name="timeout"/>.</summary>
    public async Task<Metrics> WaitUntilAsync(Func<Metrics, bool> done, TimeSpan timeout, TimeSpan every, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var metrics = await ScrapeAsync(cancellationToken);
            if (done(metrics))
            {
                return metrics;
            }

            if (Stopwatch.GetTimestamp() > deadline || _child.HasExited)
            {
                throw new TimeoutException($"the operator did not get there in {timeout.TotalSeconds:0} s{(_child.HasExited ? " (it exited)" : string.Empty)}; see {_child.LogPath}");
            }

            await Task.Delay(every, cancellationToken);
        }
    }

    /// <summary>Induces a full blocking GC in the operator through the diagnostics IPC (what dotnet-trace's gc-collect profile does).</summary>
    public void CollectGarbage() => CollectGarbage(Id);

    /// <summary>Induces a full blocking GC in any .NET process of this user, by PID.</summary>
    public static void CollectGarbage(int processId)
    {
        const long gcHeapCollectKeyword = 0x800000;
        var client = new DiagnosticsClient(processId);
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", System.Diagnostics.Tracing.EventLevel.Informational, gcHeapCollectKeyword | 0x1);
        using var session = client.StartEventPipeSession([provider], requestRundown: false);
        var drain = Task.Run(() => session.EventStream.CopyTo(Stream.Null));

        // The induced GC runs when the session starts; stopping the session waits for it to be written.
        session.Stop();
        drain.Wait(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _child.DisposeAsync();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForMetricsAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                await _http.GetStringAsync(MetricsUri, cancellationToken);
                return;
            }
            catch (HttpRequestException) when (!_child.HasExited)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
        }

        throw new InvalidOperationException($"the operator's /metrics never answered; see {_child.LogPath}");
    }
}

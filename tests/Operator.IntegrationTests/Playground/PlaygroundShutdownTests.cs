using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EcsOperator.Playground;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Playground;

/// <summary>
/// A running playground: the operator's metrics and probes answer on the addresses passed through, the printed AWS
/// URL is the fault proxy's (it counted the seeding's calls), and SIGTERM
/// (what Ctrl-C and `docker stop` amount to) stops everything the playground started.
/// </summary>
public sealed partial class PlaygroundShutdownTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("playground-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Metrics_probes_and_the_aws_proxy_answer_while_it_runs_and_sigterm_stops_the_operator_localkube_and_moto()
    {
        await PlaygroundProcess.RequireMotoAsync();
        var (awsPort, metricsPort, healthPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var ports = new[] { awsPort, metricsPort, healthPort };
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var playground = Start(ports, output, ready);
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"), TestContext.Current.CancellationToken);
            Assert.Contains("controller_runtime_reconcile_total", metrics, StringComparison.Ordinal);
            using var healthz = await http.GetAsync(new Uri($"http://127.0.0.1:{healthPort}/healthz"), TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, healthz.StatusCode);
            var aws = Aws().Match(Snapshot(output)).Groups["url"].Value;
            Assert.Equal($"http://127.0.0.1:{ports[0]}", aws); // the fault proxy's, on --aws-port
            var stats = await http.GetStringAsync(new Uri(aws + PlaygroundAwsProxy.StatsPath), TestContext.Current.CancellationToken);
            Assert.Contains("\"service\":\"ec2\"", stats, StringComparison.Ordinal); // the seeding went through the proxy
            var rules = await http.GetStringAsync(new Uri(aws + "/__proxy/rules"), TestContext.Current.CancellationToken);
            Assert.Equal("[]", rules); // no faults unless asked for
            var motoPid = int.Parse(MotoPid().Match(Snapshot(output)).Groups["pid"].Value, CultureInfo.InvariantCulture);
            var kubePort = int.Parse(KubePort().Match(Snapshot(output)).Groups["port"].Value, CultureInfo.InvariantCulture);

            var kill = await ProcessRunner.RunAsync("kill", ["-TERM", playground.Id.ToString(CultureInfo.InvariantCulture)], cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(0, kill.ExitCode);
            await playground.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

            Assert.True(playground.ExitCode == 0, Snapshot(output));
            Assert.Contains("==> stopped: the operator, LocalKube and moto", Snapshot(output), StringComparison.Ordinal);
            Assert.False(IsRunning(motoPid), $"moto (pid {motoPid}) is still running");
            Assert.False(LoopbackPort.IsInUse(awsPort), $"something still listens on the AWS (proxy) port {awsPort}");
            Assert.False(LoopbackPort.IsInUse(kubePort), $"something still listens on the LocalKube port {kubePort}");
        }
        finally
        {
            if (!playground.HasExited)
            {
                playground.Kill(entireProcessTree: true);
            }
        }
    }

    private Process Start(int[] ports, StringBuilder output, TaskCompletionSource ready)
    {
        var psi = new ProcessStartInfo(PlaygroundProcess.DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _work,
        };
        foreach (var arg in new[]
        {
            PlaygroundProcess.Dll, "--kube-port", "0", "--aws-port", ports[0].ToString(CultureInfo.InvariantCulture),
            "--kubeconfig-out", Path.Combine(_work, "kubeconfig"),
            "--metrics-bind-address", $"127.0.0.1:{ports[1]}", "--health-probe-bind-address", $"127.0.0.1:{ports[2]}",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi)!;
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith("READY ", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
    }

    [GeneratedRegex(@"moto serves \S+ \(pid (?<pid>\d+)\)")]
    private static partial Regex MotoPid();

    [GeneratedRegex(@"(?m)^READY kubeconfig=\S+ aws=(?<url>\S+)$")]
    private static partial Regex Aws();

    [GeneratedRegex(@"LocalKube serves http://127\.0\.0\.1:(?<port>\d+)/")]
    private static partial Regex KubePort();
}

using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using EcsOperator.IntegrationTests.Runtime;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Playground;

/// <summary>
/// Issue 10, defect 11: the README's `dotnet run --project src/Playground -- --apply config/samples/quickstart`,
/// started in its own process group, objects Ready, kubectl reads against it, then SIGINT to the group (what a
/// terminal's Ctrl-C sends): every process of the group (dotnet run, ecs-playground, moto_server) must be gone.
/// </summary>
public sealed class PlaygroundInterruptTests : IDisposable
{
    private const int Runs = 5;
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(10);
    private readonly string _work = Directory.CreateTempSubdirectory("playground-int-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>
    /// Odd runs start as a terminal does; even runs as a script's `cmd &amp;` does (no job control), which leaves
    /// SIGINT ignored in the child: the condition under which the playground used to keep running.
    /// </summary>
    [Fact]
    public async Task Sigint_to_the_process_group_of_dotnet_run_stops_every_process_within_ten_seconds_five_times()
    {
        await PlaygroundProcess.RequireMotoAsync();
        var setsid = ExternalTools.Require("setsid", "util-linux");
        ExternalTools.RequireKubectl();
        for (var run = 1; run <= Runs; run++)
        {
            await RunOnceAsync(setsid, run, inheritIgnoredInterrupt: run % 2 == 0);
        }
    }

    private async Task RunOnceAsync(string setsid, int run, bool inheritIgnoredInterrupt)
    {
        var kubeconfig = Path.Combine(_work, $"kubeconfig-{run}");
        var output = new StringBuilder();
        var watching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var dotnetRun = Start(setsid, kubeconfig, inheritIgnoredInterrupt, output, watching);
        var group = dotnetRun.Id; // setsid execs in place: dotnet run leads the new session and process group
        var context = $"run {run} of {Runs} ({(inheritIgnoredInterrupt ? "SIGINT inherited ignored" : "as from a terminal")})";
        try
        {
            await watching.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
            Assert.Equal(group, ProcessGroup.Of(dotnetRun.Id));
            await ReadLikeAUserAsync(new Kubectl(kubeconfig), context);
            var members = ProcessGroup.LiveMembers(group);
            Assert.True(members.Any(m => m.Name.StartsWith("ecs-playground", StringComparison.Ordinal)), $"{context}: no ecs-playground in {string.Join(", ", members)}");
            Assert.True(members.Any(m => m.Name.Contains("moto", StringComparison.Ordinal) || m.Name.StartsWith("python", StringComparison.Ordinal)), $"{context}: no moto in {string.Join(", ", members)}");

            var kill = await ProcessRunner.RunAsync("kill", ["-INT", "--", $"-{group.ToString(CultureInfo.InvariantCulture)}"], cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(0, kill.ExitCode);
            var gone = await Eventually.TrueAsync(() => ProcessGroup.LiveMembers(group).Count == 0, StopDeadline);

            Assert.True(gone, $"{context}: still running {StopDeadline.TotalSeconds:0} s after SIGINT: {string.Join(", ", ProcessGroup.LiveMembers(group))}\n{Snapshot(output)}");
            await dotnetRun.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Contains("==> stopped: the operator, LocalKube and moto", Snapshot(output), StringComparison.Ordinal);
        }
        finally
        {
            if (ProcessGroup.LiveMembers(group).Count > 0)
            {
                // Only the group this test created, by its id, so that a failure leaves nothing behind.
                await ProcessRunner.RunAsync("kill", ["-KILL", "--", $"-{group.ToString(CultureInfo.InvariantCulture)}"]);
            }
        }
    }

    /// <summary>What the issue's user did before Ctrl-C: wait for Ready, list, read one object in full.</summary>
    private static async Task ReadLikeAUserAsync(Kubectl kubectl, string context)
    {
        foreach (var args in new[]
        {
            new[] { "wait", "--for=condition=Ready", "clusters.ecs.operator.dev/demo", "taskdefinitions.ecs.operator.dev/web", "--timeout=90s" },
            ["get", "ecs"],
            ["get", "clusters.ecs.operator.dev", "demo", "-o", "yaml"],
        })
        {
            var result = await kubectl.RunAsync(args, timeout: TimeSpan.FromSeconds(120), cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(result.ExitCode == 0, $"{context}: kubectl {string.Join(' ', args)}: {result}");
        }
    }

    private Process Start(string setsid, string kubeconfig, bool inheritIgnoredInterrupt, StringBuilder output, TaskCompletionSource watching)
    {
        var psi = new ProcessStartInfo(setsid)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        string[] ignoreInterrupt = inheritIgnoredInterrupt ? ["sh", "-c", "trap '' INT; exec \"$@\"", "sh"] : [];
        string[] dotnetRun =
        [
            PlaygroundProcess.DotnetHost(), "run", "--no-build", "-c", BuildConfiguration, "--project", RepositoryRoot.Combine("src", "Playground"), "--",
            "--apply", PlaygroundProcess.Quickstart, "--kube-port", "0", "--aws-port", "0", "--kubeconfig-out", kubeconfig,
            "--metrics-bind-address", "0", "--health-probe-bind-address", "0",
        ];
        foreach (var arg in ignoreInterrupt.Concat(dotnetRun))
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

            if (e.Data?.StartsWith("==> watching", StringComparison.Ordinal) == true)
            {
                watching.TrySetResult();
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The configuration these tests were built in, and so src/Playground with them (dotnet run --no-build).</summary>
    private static string BuildConfiguration =>
        typeof(PlaygroundInterruptTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

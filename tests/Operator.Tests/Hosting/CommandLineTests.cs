using EcsOperator.Controllers.Shared;
using EcsOperator.Hosting;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.Tests.Hosting;

/// <summary>The operator binary as a user meets it: expected failures are one clear line, never a stack trace.</summary>
public sealed class CommandLineTests
{
    private static readonly string OperatorDll = Path.Combine(AppContext.BaseDirectory, "ecs-operator.dll");

    private static Task<ProcessResult> RunOperatorAsync(params string[] args) =>
        ProcessRunner.RunAsync("dotnet", [OperatorDll, .. args], environment: new Dictionary<string, string> { ["KUBECONFIG"] = "" }, timeout: TimeSpan.FromSeconds(60), cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Run_with_a_missing_kubeconfig_exits_non_zero_with_one_line_naming_it()
    {
        var result = await RunOperatorAsync("run", "--kubeconfig", "/nonexistent");

        Assert.NotEqual(0, result.ExitCode);
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains("/nonexistent", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", result.StdErr + result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_is_the_default_verb()
    {
        var result = await RunOperatorAsync("--kubeconfig", "/nonexistent");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("kubeconfig /nonexistent", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_api_server_is_named_with_its_address()
    {
        var port = FreePort.Next(); // nothing listens there once the probe listener is closed
        var kubeconfig = Path.Combine(Path.GetTempPath(), TestNames.Unique("kubeconfig"));
        await File.WriteAllTextAsync(kubeconfig, $$$"""
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "http://127.0.0.1:{{{port}}}"}}]
            contexts: [{name: c, context: {cluster: c, user: u}}]
            users: [{name: u, user: {token: t}}]
            current-context: c
            """, TestContext.Current.CancellationToken);
        try
        {
            var result = await RunOperatorAsync("run", "--kubeconfig", kubeconfig);

            Assert.NotEqual(0, result.ExitCode);
            var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
            Assert.Contains(kubeconfig, line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public async Task An_aws_endpoint_url_is_accepted_and_a_malformed_one_is_named()
    {
        var accepted = await RunOperatorAsync("run", "--kubeconfig", "/nonexistent", "--aws-endpoint-url", "http://127.0.0.1:15000");
        var rejected = await RunOperatorAsync("run", "--kubeconfig", "/nonexistent", "--aws-endpoint-url", "not a url");

        Assert.Contains("kubeconfig /nonexistent", accepted.StdErr, StringComparison.Ordinal);
        Assert.NotEqual(0, rejected.ExitCode);
        Assert.Contains("--aws-endpoint-url: 'not a url'", rejected.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_metrics_port_is_one_line_naming_the_address_not_a_stack_trace()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), TestNames.Unique("kubeconfig"));
        await using var kube = await LocalKube.LocalKubeServer.StartAsync(new LocalKube.LocalKubeOptions { Port = FreePort.Next(), KubeconfigPath = kubeconfig }, TestContext.Current.CancellationToken);
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var address = $"127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";
        try
        {
            var result = await RunOperatorAsync("run", "--kubeconfig", kubeconfig, "--metrics-bind-address", address, "--health-probe-bind-address", "0");

            Assert.NotEqual(0, result.ExitCode);
            var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"metrics endpoint: cannot listen on {address}", line, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", result.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public async Task Help_prints_durations_as_the_flags_accept_them()
    {
        var result = await RunOperatorAsync("run", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[default: 10m]", result.StdOut, StringComparison.Ordinal); // --resync-period
        Assert.Contains("[default: 15s]", result.StdOut, StringComparison.Ordinal); // --leader-election-lease-duration
        Assert.DoesNotContain("00:00:", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_flag_values_are_rejected_with_the_flag_name()
    {
        var result = await RunOperatorAsync("run", "--kubeconfig", "/nonexistent", "--resync-period", "often", "--workers", "0");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--resync-period", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--workers", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_resync_strategy_is_batched_or_per_object_and_documented_in_the_help()
    {
        var help = await RunOperatorAsync("run", "--help");
        var invalid = await RunOperatorAsync("run", "--kubeconfig", "/nonexistent", "--resync-strategy", "sometimes");

        Assert.Contains("--resync-strategy", help.StdOut, StringComparison.Ordinal);
        Assert.Contains("[default: batched]", help.StdOut, StringComparison.Ordinal);
        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("--resync-strategy: 'sometimes' is not batched or per-object", invalid.StdErr, StringComparison.Ordinal);
        Assert.Equal(ResyncStrategy.PerObject, ResyncStrategyOption.Parse("per-object"));
        Assert.Equal(ResyncStrategy.Batched, ResyncStrategyOption.Parse("batched"));
    }
}

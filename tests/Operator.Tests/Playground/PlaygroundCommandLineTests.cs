using EcsOperator.Playground;
using Xunit;

namespace EcsOperator.Tests.Playground;

public sealed class PlaygroundCommandLineTests
{
    private static async Task<(int ExitCode, PlaygroundOptions? Options)> ParseAsync(params string[] args)
    {
        PlaygroundOptions? seen = null;
        var command = PlaygroundCommandLine.Build((options, _) =>
        {
            seen = options;
            return Task.FromResult(0);
        });
        var exitCode = await command.Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { Error = TextWriter.Null, Output = TextWriter.Null }, TestContext.Current.CancellationToken);
        return (exitCode, seen);
    }

    [Fact]
    public async Task With_no_flags_the_playground_uses_the_documented_defaults()
    {
        var (exitCode, options) = await ParseAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(new PlaygroundOptions(), options);
        Assert.Equal((16443, 15000, "us-east-1", TimeSpan.FromSeconds(120)), (options!.KubePort, options.AwsPort, options.Region, options.Timeout));
        Assert.Equal(Path.Combine(".playground", "kubeconfig"), options.KubeconfigOut);
        Assert.Equal(new EcsOperator.Hosting.OperatorOptions().ResyncPeriod, options.ResyncPeriod);
    }

    [Fact]
    public async Task Every_flag_reaches_the_options()
    {
        var (_, options) = await ParseAsync(
            "--kube-port", "0", "--aws-endpoint-url", "http://127.0.0.1:5000", "--kubeconfig-out", "/tmp/k",
            "--apply", "samples", "--exit-when-ready", "--timeout", "2m", "--region", "eu-west-1",
            "--metrics-bind-address", "0", "--health-probe-bind-address", "127.0.0.1:9", "--aws-port", "1", "--resync-period", "30s");

        Assert.Equal(
            new PlaygroundOptions
            {
                KubePort = 0,
                AwsPort = 1,
                AwsEndpointUrl = new Uri("http://127.0.0.1:5000"),
                KubeconfigOut = "/tmp/k",
                ApplyDirectory = "samples",
                ExitWhenReady = true,
                Timeout = TimeSpan.FromMinutes(2),
                Region = "eu-west-1",
                MetricsBindAddress = "0",
                HealthProbeBindAddress = "127.0.0.1:9",
                ResyncPeriod = TimeSpan.FromSeconds(30),
            },
            options);
    }

    [Fact]
    public async Task The_flags_for_the_operator_reach_the_in_process_operator()
    {
        var (_, options) = await ParseAsync("--resync-period", "45s", "--region", "eu-west-1", "--metrics-bind-address", "0", "--health-probe-bind-address", "127.0.0.1:9");

        var forOperator = options!.ForOperator("/tmp/kubeconfig", new Uri("http://127.0.0.1:4566"));

        Assert.Equal(TimeSpan.FromSeconds(45), forOperator.ResyncPeriod);
        Assert.Equal(("eu-west-1", "0", "127.0.0.1:9"), (forOperator.Region, forOperator.MetricsBindAddress, forOperator.HealthProbeBindAddress));
        Assert.Equal(("/tmp/kubeconfig", new Uri("http://127.0.0.1:4566")), (forOperator.Kubeconfig, forOperator.AwsEndpointUrl));
    }

    [Theory]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "soon")]
    [InlineData("--resync-period", "0")]
    [InlineData("--resync-period", "often")]
    [InlineData("--aws-endpoint-url", "127.0.0.1:5000")]
    [InlineData("--kube-port", "70000")]
    public async Task A_bad_value_is_refused_before_anything_starts(string flag, string value)
    {
        var (exitCode, options) = await ParseAsync(flag, value);

        Assert.NotEqual(0, exitCode);
        Assert.Null(options);
    }
}

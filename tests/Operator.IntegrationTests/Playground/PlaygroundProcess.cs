using EcsOperator.Playground;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Playground;

/// <summary>Runs the built playground (ecs-playground.dll) as a newcomer would, on free ports, and captures its output.</summary>
internal static class PlaygroundProcess
{
    public static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "ecs-playground.dll");

    /// <summary>The repository's config/samples/quickstart, found from the test binaries upwards.</summary>
    public static string Quickstart => Path.Combine(RepositoryRoot.Path, "config", "samples", "quickstart");

    /// <summary>Skips locally (fails under CI=true) when moto is not installed in either form the playground accepts.</summary>
    public static async Task RequireMotoAsync()
    {
        if (await MotoCommand.LocateAsync(TestContext.Current.CancellationToken) is null)
        {
            ExternalTools.RequireMoto();
        }
    }

    /// <summary>
    /// Runs the playground to completion. The operator's metrics and probes are disabled so that tests running in
    /// parallel (and a playground a developer left running) never fight over ports.
    /// </summary>
    public static Task<ProcessResult> RunAsync(string workDirectory, int awsPort, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRunner.RunAsync(
            DotnetHost(),
            [Dll, "--kube-port", "0", "--aws-port", awsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--kubeconfig-out", Path.Combine(workDirectory, "kubeconfig"),
             "--metrics-bind-address", "0", "--health-probe-bind-address", "0", .. args],
            environment: environment,
            workingDirectory: workDirectory,
            timeout: TimeSpan.FromMinutes(4),
            cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>The dotnet executable by absolute path, so that a test may run the playground with an empty PATH.</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : ExternalTools.FindOnPath("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH");
}

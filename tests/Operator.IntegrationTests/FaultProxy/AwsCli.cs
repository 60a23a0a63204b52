using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>Runs the real awscli with its endpoint pointed at a fault proxy in front of moto.</summary>
internal static class AwsCli
{
    /// <summary>moto's client environment with AWS_ENDPOINT_URL set to the proxy; maxAttempts 1 turns retries off.</summary>
    public static Dictionary<string, string> Through(AwsFaultProxy.FaultProxy proxy, MotoServer moto, int? maxAttempts = null)
    {
        var environment = new Dictionary<string, string>(moto.ClientEnvironment)
        {
            ["AWS_ENDPOINT_URL"] = proxy.Endpoint.ToString().TrimEnd('/'),
        };
        if (maxAttempts is { } attempts)
        {
            environment["AWS_RETRY_MODE"] = "standard";
            environment["AWS_MAX_ATTEMPTS"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return environment;
    }

    public static Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        ProcessRunner.RunAsync(
            ExternalTools.Require("aws", "pip install awscli"),
            [.. args, "--output", "json"],
            environment: environment,
            timeout: TimeSpan.FromSeconds(90),
            cancellationToken: TestContext.Current.CancellationToken);

    public static async Task<string> RunOkAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var result = await RunAsync(environment, args);
        Assert.True(result.ExitCode == 0, $"aws {string.Join(' ', args)}: {result}");
        return result.StdOut;
    }
}

using System.Globalization;

namespace EcsOperator.Playground;

/// <summary>What the playground tells its user, in one place: progress, the READY line, and what to paste next.</summary>
public sealed class PlaygroundConsole(TextWriter output, TextWriter error)
{
    public TextWriter Output => output;

    public Task StepAsync(string text) => output.WriteLineAsync($"==> {text}");

    public Task FailAsync(string message) => error.WriteLineAsync($"playground: {message}");

    public async Task SeededAsync(IReadOnlyDictionary<string, string> ids)
    {
        foreach (var (name, value) in ids.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"    {name}={value}");
        }
    }

    /// <summary>
    /// The line scripts and tests wait for, then the commands a newcomer can paste into another terminal.
    /// </summary>
    public async Task ReadyAsync(string kubeconfig, Uri aws, string region, string operatorLog, PlaygroundOptions options, string? listenerArn = null)
    {
        var endpoint = aws.ToString().TrimEnd('/');
        await output.WriteLineAsync($"READY kubeconfig={kubeconfig} aws={endpoint}");
        await output.WriteLineAsync("    explore from another terminal:");
        await output.WriteLineAsync($"    kubectl --kubeconfig {kubeconfig} get ecs");
        await output.WriteLineAsync($"    {AwsEnvironment.AwsCliExample(aws, region)}");
        if (listenerArn is not null)
        {
            // The quickstart's LoadBalancerBinding puts its rule on this listener.
            await output.WriteLineAsync($"    {AwsEnvironment.AwsCliExample(aws, region).Replace("aws ecs list-clusters", $"aws elbv2 describe-rules --listener-arn {listenerArn}", StringComparison.Ordinal)}");
        }

        await output.WriteLineAsync($"    AWS calls per operation: curl {endpoint}{PlaygroundAwsProxy.StatsPath}");
        await output.WriteLineAsync($"    operator logs: {operatorLog}");
        if (options.MetricsBindAddress != "0")
        {
            await output.WriteLineAsync($"    metrics: http://{Host(options.MetricsBindAddress)}/metrics");
        }

        if (options.HealthProbeBindAddress != "0")
        {
            await output.WriteLineAsync($"    health: http://{Host(options.HealthProbeBindAddress)}/readyz");
        }

        await output.FlushAsync();
    }

    public async Task AppliedAsync(ManifestSet manifests, string directory)
    {
        await StepAsync(string.Create(CultureInfo.InvariantCulture, $"applying {manifests.Objects.Count} objects from {directory}"));
        foreach (var (name, value) in manifests.UsedValues)
        {
            await output.WriteLineAsync($"    ${{{name}}} = {value}");
        }
    }

    /// <summary>":8080" listens on every interface; the URL to paste is the loopback one.</summary>
    private static string Host(string bindAddress) => bindAddress.StartsWith(':') ? "127.0.0.1" + bindAddress : bindAddress;
}

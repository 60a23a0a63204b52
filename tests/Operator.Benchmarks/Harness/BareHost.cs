using Amazon.Runtime;
using k8s;
using Microsoft.Extensions.Hosting;

namespace EcsOperator.Benchmarks.Harness;

/// <summary>
/// The baseline of the memory target: a generic .NET host with KubernetesClient and AWSSDK.Core loaded and one client
/// of each built, doing nothing. It runs as a child of the harness (<c>Operator.Benchmarks bare-host</c>) with
/// workstation GC, and is measured as the operator is (induced full GC, then RSS).
/// </summary>
public static class BareHost
{
    public const string Command = "bare-host";

    /// <summary>The child's side: load, build, print READY, wait for SIGTERM.</summary>
    public static async Task<int> RunAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        using var host = builder.Build();
        using var kube = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });
        var aws = new AmazonServiceClientProbe();
        GC.KeepAlive(aws);
        await host.StartAsync();
        Console.WriteLine("READY bare host");
        await host.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>The harness's side: RSS of the bare host after an induced full GC, in bytes.</summary>
    public static async Task<long> MeasureAsync(string directory, CancellationToken cancellationToken)
    {
        await using var child = ChildProcess.StartDotnet(
            BuildOutput.Harness, [Command], Path.Combine(directory, "bare-host.log"), new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" });
        await child.WaitReadyAsync(TimeSpan.FromSeconds(30));
        cancellationToken.ThrowIfCancellationRequested();
        OperatorProcess.CollectGarbage(child.Id);
        return child.Memory().Rss;
    }

    /// <summary>Touches AWSSDK.Core's client configuration so that the assembly is loaded and initialised.</summary>
    private sealed class AmazonServiceClientProbe
    {
        public AmazonServiceClientProbe() => Config = new AnonymousAWSCredentials();

        public AWSCredentials Config { get; }
    }
}

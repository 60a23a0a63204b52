using AwsFaultProxy;
using EcsOperator.Hosting;
using k8s;
using LocalKube;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Playground;

/// <summary>
/// The playground, start to end (DESIGN.md §8): LocalKube, moto behind the AWS fault proxy, seeding, CRDs, the operator in-process, the READY
/// line, then the manifests and their live table. Everything it starts is stopped again in reverse order, on
/// success, failure, timeout and Ctrl-C alike.
/// </summary>
public sealed class PlaygroundRunner(PlaygroundOptions options, PlaygroundConsole console)
{
    /// <summary>
    /// A fixed kube-system UID, so that the operator's cluster-id tag is the same on every run: a second run against
    /// the same AWS endpoint (--aws-endpoint-url) then owns what the first one created instead of refusing it.
    /// </summary>
    public const string KubeSystemUid = "6c6f6361-6c6b-4075-8265-706c61796772";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var exitCode = await RunCoreAsync(cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                await console.StepAsync("stopped: the operator, LocalKube and moto");
            }

            return exitCode;
        }
        catch (PlaygroundException ex)
        {
            await console.FailAsync(ex.Message);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.StepAsync("interrupted; stopped the operator, LocalKube and moto");
            return 130;
        }
    }

    private async Task<int> RunCoreAsync(CancellationToken cancellationToken)
    {
        if (options.ApplyDirectory is { } dir && !Directory.Exists(dir))
        {
            throw new PlaygroundException($"--apply {dir}: no such directory");
        }

        await using var kube = await StartLocalKubeAsync(cancellationToken);
        await using var moto = options.AwsEndpointUrl is null ? await StartMotoAsync(cancellationToken) : null;
        await using var proxy = await StartAwsProxyAsync(options.AwsEndpointUrl ?? moto!.Endpoint, cancellationToken);
        var aws = proxy.Endpoint;
        AwsEnvironment.ApplyToCurrentProcess(aws, options.Region);
        await console.StepAsync($"seeding AWS at {aws} (VPC, subnets, security group, IAM roles, EFS, ALB)");
        var seeded = await AwsSeeder.SeedAsync(aws, options.Region, cancellationToken);
        await console.SeededAsync(seeded);

        // Through the kubeconfig file the user gets, so that the playground proves it works before printing it.
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(kube.Kubeconfig.Path);
        using var client = new Kubernetes(config);
        var crds = await CrdInstaller.InstallAsync(client, cancellationToken);
        await console.StepAsync($"installed CRDs: {string.Join(", ", crds)}");

        var operatorLog = Path.Combine(Path.GetDirectoryName(kube.Kubeconfig.Path)!, "operator.log");
        using var host = await StartOperatorAsync(config, kube.Kubeconfig.Path, aws, operatorLog, cancellationToken);
        try
        {
            await console.ReadyAsync(kube.Kubeconfig.Path, aws, options.Region, operatorLog, options, seeded.GetValueOrDefault("LISTENER_ARN"));
            return await new ManifestStage(options, console, client).RunAsync(seeded, cancellationToken);
        }
        finally
        {
            await StopOperatorAsync(host);
        }
    }

    private async Task<LocalKubeServer> StartLocalKubeAsync(CancellationToken cancellationToken)
    {
        if (options.KubePort != 0 && LoopbackPort.IsInUse(options.KubePort))
        {
            throw new PlaygroundException($"port {options.KubePort} on 127.0.0.1 is already in use (another playground?); pass --kube-port 0 for a free one");
        }

        var server = await LocalKubeServer.StartAsync(
            new LocalKubeOptions { Port = options.KubePort, KubeconfigPath = options.KubeconfigOut, KubeSystemUid = KubeSystemUid },
            cancellationToken);
        await console.StepAsync($"LocalKube serves {server.BaseUri}");
        return server;
    }

    /// <summary>moto on a free port: the AWS port (--aws-port) belongs to the fault proxy in front of it.</summary>
    private async Task<MotoProcess> StartMotoAsync(CancellationToken cancellationToken)
    {
        var moto = await MotoProcess.StartAsync(port: 0, cancellationToken: cancellationToken);
        await console.StepAsync($"moto serves {moto.Endpoint} (pid {moto.ProcessId})");
        return moto;
    }

    private async Task<FaultProxy> StartAwsProxyAsync(Uri upstream, CancellationToken cancellationToken)
    {
        if (options.AwsPort != 0 && LoopbackPort.IsInUse(options.AwsPort))
        {
            throw new PlaygroundException($"port {options.AwsPort} on 127.0.0.1 is already in use (another playground?); pass --aws-port 0 for a free one");
        }

        var proxy = await FaultProxy.StartAsync(PlaygroundAwsProxy.Options(upstream, options.AwsPort), cancellationToken);
        await console.StepAsync($"the AWS fault proxy serves {proxy.Endpoint} in front of {upstream} (no faults; calls counted at {PlaygroundAwsProxy.StatsPath})");
        return proxy;
    }

    private async Task<IHost> StartOperatorAsync(KubernetesClientConfiguration config, string kubeconfig, Uri aws, string logPath, CancellationToken cancellationToken)
    {
        var operatorOptions = options.ForOperator(kubeconfig, aws);
        var host = OperatorHost.Build(operatorOptions, config, services =>
        {
            services.AddLogging(logging =>
            {
                logging.ClearProviders(); // the table owns the console; the operator's logs go to a file
                logging.AddProvider(new FileLoggerProvider(logPath));
            });
            services.AddSingleton<IHostLifetime, EmbeddedLifetime>(); // ShutdownSignal owns Ctrl-C, not the operator's host
        });
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            host.Dispose();
            throw new PlaygroundException($"the operator did not start: {ex.Message} (--metrics-bind-address and --health-probe-bind-address take other ports, or 0)", ex);
        }

        await console.StepAsync("the operator runs in-process");
        return host;
    }

    private static async Task StopOperatorAsync(IHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await host.StopAsync(timeout.Token);
    }
}

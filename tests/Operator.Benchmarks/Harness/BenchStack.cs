using AwsFaultProxy;
using EcsOperator.Playground;
using k8s;
using k8s.Models;

namespace EcsOperator.Benchmarks.Harness;

/// <summary>
/// What every scenario runs against: the LocalKube CLI as a child process with the operator's CRDs, and moto behind
/// the fault proxy (in this process, so that its call counts are read directly) with the ECS front on and the
/// emulated account throttle (<see cref="EcsRates"/>). Stopped in reverse order on dispose.
/// </summary>
public sealed class BenchStack : IAsyncDisposable
{
    public const string Namespace = "bench";
    public const string Region = "us-east-1";
    private static readonly TimeSpan UnscaledRolloutDelay = TimeSpan.FromSeconds(2);

    private BenchStack(string directory, double rateScale)
    {
        Directory = directory;
        RateScale = rateScale;
    }

    public string Directory { get; }

    public double RateScale { get; }

    /// <summary>The ECS front's step (tasks start, a rollout completes): ECS's few seconds, divided by the rate scale.</summary>
    public TimeSpan RolloutDelay => TimeSpan.FromMilliseconds(Math.Max(200, UnscaledRolloutDelay.TotalMilliseconds / RateScale));

    public string KubeconfigPath => Path.Combine(Directory, "kubeconfig");

    public FaultProxy Proxy { get; private set; } = null!;

    public IKubernetes Kube { get; private set; } = null!;

    /// <summary>moto's answer time for one ListClusters with nothing else running: the yardstick for "moto was the bottleneck".</summary>
    public TimeSpan MotoIdleLatency { get; private set; }

    private MotoProcess? Moto { get; set; }

    private ChildProcess? LocalKube { get; set; }

    public static async Task<BenchStack> StartAsync(double rateScale, CancellationToken cancellationToken)
    {
        var stack = new BenchStack(System.IO.Directory.CreateTempSubdirectory("ecs-operator-bench-").FullName, rateScale);
        try
        {
            await stack.StartPartsAsync(cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the operator (<c>ecs-operator run</c>) against this stack.</summary>
    public Task<OperatorProcess> StartOperatorAsync(OperatorRun run, CancellationToken cancellationToken) =>
        OperatorProcess.StartAsync(this, run, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Kube?.Dispose();
        if (LocalKube is not null)
        {
            await LocalKube.DisposeAsync();
        }

        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        if (Moto is not null)
        {
            await Moto.DisposeAsync();
        }
    }

    /// <summary>The median of 5 sequential ListClusters straight to moto (not through the proxy, so not counted).</summary>
    private static async Task<TimeSpan> MeasureMotoAsync(Uri moto, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var times = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, moto) { Content = new StringContent("{}") };
            request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
            request.Headers.Add("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters");
            request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=test/20260101/{Region}/ecs/aws4_request, SignedHeaders=host, Signature=0");
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }

        times.Sort();
        return times[2];
    }

    private async Task StartPartsAsync(CancellationToken cancellationToken)
    {
        Moto = await MotoProcess.StartAsync(port: 0, cancellationToken: cancellationToken);
        var proxyOptions = new FaultProxyOptions { Upstream = Moto.Endpoint, EcsScheduler = true, EcsSchedulerDelay = RolloutDelay };
        foreach (var rule in EcsRates.Rules(RateScale))
        {
            proxyOptions.Rules.Add(rule);
        }

        MotoIdleLatency = await MeasureMotoAsync(Moto.Endpoint, cancellationToken);
        Proxy = await FaultProxy.StartAsync(proxyOptions, cancellationToken);
        LocalKube = ChildProcess.StartDotnet(
            BuildOutput.LocalKube,
            ["--port", "0", "--kubeconfig-out", KubeconfigPath, "--kube-system-uid", PlaygroundRunner.KubeSystemUid],
            Path.Combine(Directory, "localkube.log"));
        await LocalKube.WaitReadyAsync(TimeSpan.FromSeconds(60));
        Kube = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));
        await CrdInstaller.InstallAsync(Kube, cancellationToken);
        await Kube.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } }, cancellationToken: cancellationToken);
    }
}

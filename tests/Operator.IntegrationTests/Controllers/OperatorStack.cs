using AwsFaultProxy;
using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Efs;
using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Aws.Iam;
using EcsOperator.Crds;
using EcsOperator.Hosting;
using EcsOperator.Testing;
using k8s;
using LocalKube;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prometheus;
using Xunit;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// The whole product on loopback: LocalKube with the CRDs from <see cref="CrdWriter"/>, moto, and the operator host
/// running in-process exactly as `ecs-operator run` builds it, pointed at moto with dummy credentials. Tests reach
/// AWS through their own clients (never the operator's cache) and Kubernetes through <see cref="Objects"/>.
/// One stack per test class; tests isolate themselves by namespace and AWS names.
/// With <c>ECS_OPERATOR_TEST_KUBECONFIG</c> set, the same tests run against that real cluster instead of LocalKube.
/// </summary>
public sealed class OperatorStack : IAsyncLifetime
{
    /// <summary>Fixed so that tests can compute the ownership tags the operator writes.</summary>
    public const string ClusterId = "it-kube-system-uid";

    /// <summary>Points the integration tests at a real cluster instead of LocalKube.</summary>
    public const string RealClusterVariable = "ECS_OPERATOR_TEST_KUBECONFIG";

    private IHost? _operator;

    public MotoServer Moto { get; } = new();

    /// <summary>
    /// The fault proxy in front of moto, with its ECS services front (moto never runs tasks): the operator and the
    /// tests' own clients reach AWS through it, so its counters see every call.
    /// </summary>
    public global::AwsFaultProxy.FaultProxy Proxy { get; private set; } = null!;

    /// <summary>The in-process API server; null when the tests target a real cluster.</summary>
    public LocalKubeServer? Kube { get; private set; }

    public KubeObjects Objects { get; private set; } = null!;

    public IEcsApi Ecs { get; private set; } = null!;

    public IIamApi Iam { get; private set; } = null!;

    public IEfsApi Efs { get; private set; } = null!;

    public IElbv2Api Elb { get; private set; } = null!;

    /// <summary>
    /// The running operator's own metrics registry (a fresh one per start): stacks run in parallel in one process, so
    /// the default registry would mix their counters.
    /// </summary>
    public CollectorRegistry Metrics { get; private set; } = null!;

    /// <summary>Every write request LocalKube received (null against a real cluster): what the operator changed, and how.</summary>
    public KubeWriteLog? KubeWrites { get; private set; }

    private KubernetesClientConfiguration KubeConfig { get; set; } = null!;

    /// <summary>Changes the operator's options from the stack's defaults (a short resync period, a larger AWS budget).</summary>
    public Func<OperatorOptions, OperatorOptions> Tune { get; init; } = options => options;

    public async ValueTask InitializeAsync()
    {
        await Moto.InitializeAsync();
        foreach (var (key, value) in Moto.ClientEnvironment)
        {
            // The operator's AWS SDK reads credentials from the environment: dummy ones, never instance metadata.
            Environment.SetEnvironmentVariable(key, value);
        }

        Proxy = await global::AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = Moto.Endpoint,
            EcsScheduler = true,
            EcsSchedulerDelay = TimeSpan.FromSeconds(1),
        });
        KubeConfig = await ConnectKubeAsync();
        var client = new Kubernetes(KubeConfig);
        Objects = new KubeObjects(client);
        await InstallCrdsAsync(client);

        var aws = new AwsClientFactory(new AwsClientOptions { Region = MotoServer.Region, EndpointUrl = Proxy.Endpoint.ToString().TrimEnd('/') });
        Ecs = aws.CreateEcs();
        Iam = aws.CreateIam();
        Efs = aws.CreateEfs();
        Elb = aws.CreateElbv2();
        await StartOperatorAsync();
    }

    private async Task<KubernetesClientConfiguration> ConnectKubeAsync()
    {
        if (Environment.GetEnvironmentVariable(RealClusterVariable) is { Length: > 0 } kubeconfig)
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig);
        }

        KubeWrites = new KubeWriteLog();
        var options = new LocalKubeOptions { Port = FreePort.Next(), KubeSystemUid = ClusterId };
        options.RequestHandlers.Add(KubeWrites);
        Kube = await LocalKubeServer.StartAsync(options);
        return new KubernetesClientConfiguration { Host = Kube.BaseUri.ToString() };
    }

    /// <summary>Create or replace, so that a real cluster that already has (older) CRDs gets the current ones.</summary>
    private static async Task InstallCrdsAsync(Kubernetes client)
    {
        foreach (var crd in CrdWriter.Build())
        {
            try
            {
                await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                var existing = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name);
                crd.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
                await client.ApiextensionsV1.ReplaceCustomResourceDefinitionAsync(crd, crd.Metadata.Name);
            }
        }
    }

    /// <summary>
    /// Starts the operator (again); <paramref name="configure"/> may swap services, for fault injection, and
    /// <paramref name="adjust"/> change the flags (leader election, a secure metrics endpoint).
    /// </summary>
    public async Task StartOperatorAsync(Action<IServiceCollection>? configure = null, Func<OperatorOptions, OperatorOptions>? adjust = null)
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var options = Tune(DefaultOptions());
        _operator = OperatorHost.Build(adjust is null ? options : adjust(options), KubeConfig, services =>
        {
            services.AddSingleton(registry);
            configure?.Invoke(services);
        });
        Metrics = registry;
        await _operator.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The sum of a metric's samples whose labels contain every given pair, from the running operator's registry.</summary>
    public async Task<double> MetricAsync(string name, params (string Label, string Value)[] labels)
    {
        using var stream = new MemoryStream();
        await Metrics.CollectAndExportAsTextAsync(stream, TestContext.Current.CancellationToken);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        return text.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Sum(line => PrometheusText.Value(line, name, labels) ?? 0);
    }

    /// <summary>
    /// Another operator on the same API server and AWS account, not started: <paramref name="adjust"/> changes the
    /// stack's options (another --cluster-id and --namespace, as a second tenant would run it). The caller owns it.
    /// </summary>
    public IHost BuildOperator(Func<OperatorOptions, OperatorOptions> adjust)
    {
        ArgumentNullException.ThrowIfNull(adjust);
        return OperatorHost.Build(adjust(DefaultOptions()), KubeConfig);
    }

    private OperatorOptions DefaultOptions() => new()
    {
        Region = MotoServer.Region,
        AwsEndpointUrl = Proxy.Endpoint,
        ClusterId = ClusterId, // explicit, so a real cluster's kube-system UID does not change the expected tags
        ResyncPeriod = TimeSpan.FromSeconds(20),
        Workers = 4,
        MetricsBindAddress = "0",
        HealthProbeBindAddress = "0",
    };

    /// <summary>Stops the operator as a SIGTERM would; objects and AWS resources stay as they are.</summary>
    public async Task StopOperatorAsync()
    {
        if (_operator is { } host)
        {
            _operator = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(timeout.Token);
            host.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync();
        if (Kube is not null)
        {
            await Kube.DisposeAsync();
        }

        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        await Moto.DisposeAsync();
    }
}

using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Efs;
using EcsOperator.Aws.Iam;
using EcsOperator.Crds;
using EcsOperator.Hosting;
using EcsOperator.Testing;
using k8s;
using LocalKube;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// The whole product on loopback: LocalKube with the CRDs from <see cref="CrdWriter"/>, moto, and the operator host
/// running in-process exactly as `ecs-operator run` builds it, pointed at moto with dummy credentials. Tests reach
/// AWS through their own clients (never the operator's cache) and Kubernetes through <see cref="Objects"/>.
/// One stack per test class; tests isolate themselves by namespace and AWS names.
/// </summary>
public sealed class OperatorStack : IAsyncLifetime
{
    /// <summary>Fixed so that tests can compute the ownership tags the operator writes.</summary>
    public const string ClusterId = "it-kube-system-uid";

    private IHost? _operator;

    public MotoServer Moto { get; } = new();

    public LocalKubeServer Kube { get; private set; } = null!;

    public KubeObjects Objects { get; private set; } = null!;

    public IEcsApi Ecs { get; private set; } = null!;

    public IIamApi Iam { get; private set; } = null!;

    public IEfsApi Efs { get; private set; } = null!;

    /// <summary>
    /// Built from the URL rather than LocalKube's kubeconfig file: KubernetesClient refuses its credential-less
    /// user entry (kubectl accepts it).
    /// </summary>
    private KubernetesClientConfiguration KubeConfig => new() { Host = Kube.BaseUri.ToString() };

    public async ValueTask InitializeAsync()
    {
        await Moto.InitializeAsync();
        foreach (var (key, value) in Moto.ClientEnvironment)
        {
            // The operator's AWS SDK reads credentials from the environment: dummy ones, never instance metadata.
            Environment.SetEnvironmentVariable(key, value);
        }

        Kube = await LocalKubeServer.StartAsync(new LocalKubeOptions { Port = FreePort.Next(), KubeSystemUid = ClusterId });
        var client = new Kubernetes(KubeConfig);
        Objects = new KubeObjects(client);
        foreach (var crd in CrdWriter.Build())
        {
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        }

        var aws = new AwsClientFactory(new AwsClientOptions { Region = MotoServer.Region, EndpointUrl = Moto.Endpoint.ToString().TrimEnd('/') });
        Ecs = aws.CreateEcs();
        Iam = aws.CreateIam();
        Efs = aws.CreateEfs();
        await StartOperatorAsync();
    }

    /// <summary>Starts the operator (again); <paramref name="configure"/> may swap services, for fault injection.</summary>
    public async Task StartOperatorAsync(Action<IServiceCollection>? configure = null)
    {
        var options = new OperatorOptions
        {
            Region = MotoServer.Region,
            AwsEndpointUrl = Moto.Endpoint,
            ResyncPeriod = TimeSpan.FromSeconds(20),
            Workers = 4,
            MetricsBindAddress = "0",
            HealthProbeBindAddress = "0",
        };
        _operator = OperatorHost.Build(options, KubeConfig, configure);
        await _operator.StartAsync(TestContext.Current.CancellationToken);
    }

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

        await Moto.DisposeAsync();
    }
}

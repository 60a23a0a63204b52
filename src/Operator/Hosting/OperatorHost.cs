using EcsOperator.Aws;
using EcsOperator.Controllers;
using EcsOperator.Controllers.Shared;
using EcsOperator.Runtime;
using EcsOperator.Runtime.Client;
using EcsOperator.Runtime.Metrics;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Hosting;

/// <summary>Builds and runs the operator's generic host: Kubernetes connection, runtime, AWS clients, controllers.</summary>
public static class OperatorHost
{
    /// <summary>The CLI path: connect, build, run until SIGTERM/Ctrl-C. Expected failures are one line on stderr.</summary>
    public static async Task<int> RunAsync(OperatorOptions options, CancellationToken cancellationToken)
    {
        KubernetesClientConfiguration config;
        try
        {
            config = KubeConnection.Resolve(options.Kubeconfig);
            await KubeConnection.ProbeAsync(config, KubeConnection.Describe(options.Kubeconfig), cancellationToken);
        }
        catch (KubeConnectionException ex)
        {
            await Console.Error.WriteLineAsync($"ecs-operator: {ex.Message}");
            return 1;
        }

        using var host = Build(options, config);
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (EndpointBindException ex)
        {
            await Console.Error.WriteLineAsync($"ecs-operator: {ex.Message}");
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// The host for a given connection. The playground and the integration tests call this directly to run
    /// the operator in-process against LocalKube.
    /// </summary>
    public static IHost Build(OperatorOptions options, KubernetesClientConfiguration config, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton<IKubernetes>(_ => ApiClient(config));
        builder.Services.AddControllerRuntime(RuntimeOptions(options));
        builder.Services.AddEcsOperatorAws(new AwsClientOptions
        {
            Region = options.Region,
            EndpointUrl = options.AwsEndpointUrl?.ToString().TrimEnd('/'),
            BudgetScale = options.AwsBudgetScale,
        });
        builder.Services.AddEcsControllers(new ControllerOptions { ClusterId = options.ClusterId, ResyncPeriod = options.ResyncPeriod, ResyncStrategy = options.ResyncStrategy });
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// The API client, naming itself in every request's User-Agent (as controller-runtime's managers do), so that audit
    /// logs, and the RBAC least-privilege test, can tell the operator's requests from anyone else's.
    /// </summary>
    internal static Kubernetes ApiClient(KubernetesClientConfiguration config)
    {
        var client = new Kubernetes(config);
        client.HttpClient.DefaultRequestHeaders.UserAgent.Clear();
        client.HttpClient.DefaultRequestHeaders.UserAgent.Add(new System.Net.Http.Headers.ProductInfoHeaderValue(UserAgentProduct, typeof(OperatorHost).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
        return client;
    }

    /// <summary>The product name the operator's Kubernetes requests carry in their User-Agent.</summary>
    public const string UserAgentProduct = "ecs-operator";

    private static OperatorRuntimeOptions RuntimeOptions(OperatorOptions options) => new()
    {
        Kubeconfig = options.Kubeconfig,
        Namespace = options.Namespace,
        LabelSelector = options.Selector,
        Workers = options.Workers,
        ResyncPeriod = options.ResyncPeriod,
        MetricsBindAddress = options.MetricsBindAddress,
        MetricsSecure = options.MetricsSecure,
        MetricsCertPath = options.MetricsCertPath,
        HealthProbeBindAddress = options.HealthProbeBindAddress,
        LeaderElection = new LeaderElectionOptions
        {
            Enabled = options.LeaderElect,
            Id = options.LeaderElectionId,
            Namespace = options.LeaderElectionNamespace,
            LeaseDuration = options.LeaderElectionLeaseDuration,
            RenewDeadline = options.LeaderElectionRenewDeadline,
            RetryPeriod = options.LeaderElectionRetryPeriod,
        },
    };
}

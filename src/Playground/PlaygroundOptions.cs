using EcsOperator.Hosting;

namespace EcsOperator.Playground;

/// <summary>Everything `dotnet run --project src/Playground` is configured with (DESIGN.md §8).</summary>
public sealed record PlaygroundOptions
{
    /// <summary>LocalKube's port on 127.0.0.1; 0 picks a free one.</summary>
    public int KubePort { get; init; } = 16443;

    /// <summary>
    /// The AWS port on 127.0.0.1 (0 picks a free one): the fault proxy in front of moto, or of
    /// <see cref="AwsEndpointUrl"/>. moto itself listens on a free port behind it.
    /// </summary>
    public int AwsPort { get; init; } = 15000;

    /// <summary>An AWS endpoint that is already running (moto elsewhere, LocalStack); no moto is started, the proxy forwards there.</summary>
    public Uri? AwsEndpointUrl { get; init; }

    public string KubeconfigOut { get; init; } = Path.Combine(".playground", "kubeconfig");

    /// <summary>A directory of YAML manifests to apply once everything is up.</summary>
    public string? ApplyDirectory { get; init; }

    /// <summary>Exit 0 as soon as every applied object is Ready, instead of running until Ctrl-C.</summary>
    public bool ExitWhenReady { get; init; }

    /// <summary>How long --exit-when-ready waits for Ready before failing with the conditions.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    public string Region { get; init; } = "us-east-1";

    /// <summary>Passed to the operator. Not :8080, so that a playground and a local operator do not clash.</summary>
    public string MetricsBindAddress { get; init; } = "127.0.0.1:18080";

    /// <summary>Passed to the operator. Not :8081, for the same reason.</summary>
    public string HealthProbeBindAddress { get; init; } = "127.0.0.1:18081";

    /// <summary>Passed to the operator; the operator's own default, so the playground behaves as a deployment does.</summary>
    public TimeSpan ResyncPeriod { get; init; } = new OperatorOptions().ResyncPeriod;

    /// <summary>The in-process operator's options: the flags the playground passes through, for this LocalKube and AWS.</summary>
    public OperatorOptions ForOperator(string kubeconfig, Uri awsEndpoint) => new()
    {
        Kubeconfig = kubeconfig,
        Region = Region,
        AwsEndpointUrl = awsEndpoint,
        MetricsBindAddress = MetricsBindAddress,
        MetricsSecure = false, // a local playground: plain HTTP that curl and a browser read without a token
        HealthProbeBindAddress = HealthProbeBindAddress,
        ResyncPeriod = ResyncPeriod,
    };
}

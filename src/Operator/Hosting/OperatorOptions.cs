using EcsOperator.Controllers.Shared;

namespace EcsOperator.Hosting;

/// <summary>Everything `ecs-operator run` is configured with (DESIGN.md §7). One instance per process.</summary>
public sealed record OperatorOptions
{
    /// <summary>Explicit kubeconfig path; null means in-cluster, then $KUBECONFIG, then ~/.kube/config.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>Watch only this namespace; null watches all.</summary>
    public string? Namespace { get; init; }

    /// <summary>Label selector that restricts the objects this instance (shard) handles.</summary>
    public string? Selector { get; init; }

    public bool LeaderElect { get; init; }

    public string LeaderElectionId { get; init; } = "ecs-operator-leader";

    /// <summary>Null means the pod's namespace in a cluster, else "default".</summary>
    public string? LeaderElectionNamespace { get; init; }

    public TimeSpan LeaderElectionLeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan LeaderElectionRenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan LeaderElectionRetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Null means the UID of the kube-system namespace.</summary>
    public string? ClusterId { get; init; }

    /// <summary>Null means the AWS SDK's own region resolution (AWS_REGION, profile, ...).</summary>
    public string? Region { get; init; }

    /// <summary>Points every AWS service at one endpoint (an emulator such as moto).</summary>
    public Uri? AwsEndpointUrl { get; init; }

    /// <summary>A factor on the default per-family AWS token buckets, for shards sharing one account.</summary>
    public double AwsBudgetScale { get; init; } = 1.0;

    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Batched (per ECS cluster, 10 services or 100 clusters per call) or per-object reads on the resync.</summary>
    public ResyncStrategy ResyncStrategy { get; init; } = ResyncStrategy.Batched;

    public int Workers { get; init; } = 4;

    /// <summary>host:port for /metrics; "0" disables.</summary>
    public string MetricsBindAddress { get; init; } = ":8080";

    /// <summary>HTTPS with TokenReview/SubjectAccessReview on /metrics; false serves plain HTTP (local use, the playground).</summary>
    public bool MetricsSecure { get; init; } = true;

    /// <summary>A directory with tls.crt and tls.key for /metrics (a mounted Secret); null makes a self-signed pair at start.</summary>
    public string? MetricsCertPath { get; init; }

    /// <summary>host:port for /healthz and /readyz; "0" disables.</summary>
    public string HealthProbeBindAddress { get; init; } = ":8081";
}

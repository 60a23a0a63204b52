namespace EcsOperator.Runtime;

/// <summary>
/// Everything the runtime needs from the command line (DESIGN.md §7). The host fills it from flags and passes it to
/// <see cref="RuntimeServiceCollectionExtensions.AddControllerRuntime"/>, which validates it.
/// </summary>
public sealed class OperatorRuntimeOptions
{
    /// <summary>--kubeconfig; null means in-cluster when running in a pod, else ~/.kube/config.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>--namespace; null or empty watches every namespace.</summary>
    public string? Namespace { get; set; }

    /// <summary>--selector; a label selector that narrows what this instance watches (sharding).</summary>
    public string? LabelSelector { get; set; }

    /// <summary>--workers; concurrent reconciles per controller.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>--resync-period; every cached object is reconciled at least this often (drift detection).</summary>
    public TimeSpan ResyncPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long shutdown waits for in-flight reconciles before cancelling them.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>--metrics-bind-address, controller-runtime style (":8080", "127.0.0.1:8080"); "0" disables.</summary>
    public string MetricsBindAddress { get; set; } = ":8080";

    /// <summary>
    /// --metrics-secure: serve /metrics over HTTPS to callers whose bearer token passes a TokenReview and a
    /// SubjectAccessReview (kubebuilder v4's default); false serves plain HTTP to anyone, for local use.
    /// </summary>
    public bool MetricsSecure { get; set; } = true;

    /// <summary>--metrics-cert-path: a directory with tls.crt and tls.key; null makes a self-signed certificate at start.</summary>
    public string? MetricsCertPath { get; set; }

    /// <summary>--health-probe-bind-address (":8081"); "0" disables.</summary>
    public string HealthProbeBindAddress { get; set; } = ":8081";

    public LeaderElectionOptions LeaderElection { get; set; } = new();

    /// <summary>Events' reportingInstance; defaults to the pod (host) name.</summary>
    public string? ReportingInstance { get; set; }

    /// <summary>Returns what is wrong with the options, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        List<string> errors = [];
        if (Workers < 1)
        {
            errors.Add("--workers must be at least 1");
        }

        if (ResyncPeriod <= TimeSpan.Zero)
        {
            errors.Add("--resync-period must be positive");
        }

        try
        {
            Cache.LabelSelector.Parse(LabelSelector);
        }
        catch (FormatException e)
        {
            errors.Add($"--selector: {e.Message}");
        }

        errors.AddRange(LeaderElection.Validate());
        return errors;
    }
}

/// <summary>The --leader-election-* flags.</summary>
public sealed class LeaderElectionOptions
{
    private const string ServiceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    /// <summary>--leader-elect.</summary>
    public bool Enabled { get; set; }

    /// <summary>--leader-election-id: the Lease's name; each shard uses its own.</summary>
    public string Id { get; set; } = "ecs-operator-leader";

    /// <summary>--leader-election-namespace; null means the pod's namespace, else "default".</summary>
    public string? Namespace { get; set; }

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>This instance's holderIdentity; defaults to the host name plus a unique suffix.</summary>
    public string Identity { get; set; } = $"{Environment.MachineName}_{Guid.NewGuid():N}";

    /// <summary>Release the lease on shutdown so that a successor takes over at once (client-go's ReleaseOnCancel).</summary>
    public bool ReleaseOnCancel { get; set; } = true;

    public string ResolveNamespace()
    {
        if (!string.IsNullOrEmpty(Namespace))
        {
            return Namespace;
        }

        var fromPod = Environment.GetEnvironmentVariable("POD_NAMESPACE");
        if (!string.IsNullOrEmpty(fromPod))
        {
            return fromPod;
        }

        return File.Exists(ServiceAccountNamespaceFile) ? File.ReadAllText(ServiceAccountNamespaceFile).Trim() : "default";
    }

    public IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Id))
        {
            yield return "--leader-election-id must not be empty";
        }

        // client-go's rules: the lease must outlive the renew deadline, which must leave room for jittered retries.
        if (LeaseDuration <= RenewDeadline)
        {
            yield return "--leader-election-lease-duration must be greater than --leader-election-renew-deadline";
        }

        if (RenewDeadline <= RetryPeriod * 1.2)
        {
            yield return "--leader-election-renew-deadline must be greater than 1.2 × --leader-election-retry-period";
        }
    }
}

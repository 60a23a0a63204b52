using System.CommandLine;

namespace EcsOperator.Hosting;

/// <summary>`ecs-operator run`: the flags of DESIGN.md §7, bound to <see cref="OperatorOptions"/>.</summary>
public static class RunCommand
{
    public static Command Build()
    {
        var defaults = new OperatorOptions();
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path to a kubeconfig (default: in-cluster, then $KUBECONFIG, then ~/.kube/config)" };
        var ns = new Option<string?>("--namespace") { Description = "Watch only this namespace (default: all)" };
        var selector = new Option<string?>("--selector") { Description = "Handle only objects matching this label selector (sharding)" };
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Elect a leader through a coordination.k8s.io Lease before reconciling" };
        var leaseId = new Option<string>("--leader-election-id") { Description = "Name of the Lease", DefaultValueFactory = _ => defaults.LeaderElectionId };
        var leaseNs = new Option<string?>("--leader-election-namespace") { Description = "Namespace of the Lease (default: the pod's namespace, else default)" };
        var leaseDuration = DurationOption.Create("--leader-election-lease-duration", defaults.LeaderElectionLeaseDuration, "How long a lease is valid without renewal");
        var renewDeadline = DurationOption.Create("--leader-election-renew-deadline", defaults.LeaderElectionRenewDeadline, "How long the leader retries renewing before giving up");
        var retryPeriod = DurationOption.Create("--leader-election-retry-period", defaults.LeaderElectionRetryPeriod, "How often candidates retry acquiring the lease");
        var clusterId = new Option<string?>("--cluster-id") { Description = "Value of the ecs.operator.dev/cluster-id tag (default: the kube-system namespace UID)" };
        var region = new Option<string?>("--region") { Description = "AWS region (default: the AWS SDK's resolution)" };
        var endpoint = UrlOption.Create("--aws-endpoint-url", "Send every AWS call to this endpoint (an emulator such as moto)");
        var budgetScale = new Option<double>("--aws-budget-scale") { Description = "Factor on the default AWS call budgets, for shards sharing an account", DefaultValueFactory = _ => defaults.AwsBudgetScale };
        var resync = DurationOption.Create("--resync-period", defaults.ResyncPeriod, "How often every object is re-read from AWS to find drift");
        var resyncStrategy = ResyncStrategyOption.Create(defaults.ResyncStrategy);
        var workers = new Option<int>("--workers") { Description = "Concurrent reconciles per controller", DefaultValueFactory = _ => defaults.Workers };
        var metrics = new Option<string>("--metrics-bind-address") { Description = "Address for /metrics (\"0\" disables)", DefaultValueFactory = _ => defaults.MetricsBindAddress };
        var metricsSecure = new Option<bool>("--metrics-secure") { Description = "Serve /metrics over HTTPS to callers allowed by TokenReview and SubjectAccessReview (false: plain HTTP, for local use)", DefaultValueFactory = _ => defaults.MetricsSecure };
        var metricsCertPath = new Option<string?>("--metrics-cert-path") { Description = "Directory with tls.crt and tls.key for /metrics (default: a self-signed certificate made at start)" };
        var health = new Option<string>("--health-probe-bind-address") { Description = "Address for /healthz and /readyz (\"0\" disables)", DefaultValueFactory = _ => defaults.HealthProbeBindAddress };

        budgetScale.Validators.Add(r => { if (r.GetValueOrDefault<double>() <= 0) { r.AddError("--aws-budget-scale must be greater than 0"); } });
        workers.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--workers must be at least 1"); } });

        var command = new Command("run", "Run the operator (the default).")
        {
            kubeconfig, ns, selector, leaderElect, leaseId, leaseNs, leaseDuration, renewDeadline, retryPeriod,
            clusterId, region, endpoint, budgetScale, resync, resyncStrategy, workers, metrics, metricsSecure, metricsCertPath, health,
        };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(
            new OperatorOptions
            {
                Kubeconfig = parse.GetValue(kubeconfig),
                Namespace = parse.GetValue(ns),
                Selector = parse.GetValue(selector),
                LeaderElect = parse.GetValue(leaderElect),
                LeaderElectionId = parse.GetRequiredValue(leaseId),
                LeaderElectionNamespace = parse.GetValue(leaseNs),
                LeaderElectionLeaseDuration = DurationOption.Value(parse, leaseDuration, defaults.LeaderElectionLeaseDuration),
                LeaderElectionRenewDeadline = DurationOption.Value(parse, renewDeadline, defaults.LeaderElectionRenewDeadline),
                LeaderElectionRetryPeriod = DurationOption.Value(parse, retryPeriod, defaults.LeaderElectionRetryPeriod),
                ClusterId = parse.GetValue(clusterId),
                Region = parse.GetValue(region),
                AwsEndpointUrl = parse.GetValue(endpoint),
                AwsBudgetScale = parse.GetValue(budgetScale),
                ResyncPeriod = DurationOption.Value(parse, resync, defaults.ResyncPeriod),
                ResyncStrategy = parse.GetValue(resyncStrategy) ?? defaults.ResyncStrategy,
                Workers = parse.GetValue(workers),
                MetricsBindAddress = parse.GetRequiredValue(metrics),
                MetricsSecure = parse.GetValue(metricsSecure),
                MetricsCertPath = parse.GetValue(metricsCertPath),
                HealthProbeBindAddress = parse.GetRequiredValue(health),
            },
            cancellationToken));
        return command;
    }
}

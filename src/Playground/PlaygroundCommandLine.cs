using System.CommandLine;
using EcsOperator.Hosting;

namespace EcsOperator.Playground;

/// <summary>The playground's flags, bound to <see cref="PlaygroundOptions"/>.</summary>
public static class PlaygroundCommandLine
{
    public static RootCommand Build(Func<PlaygroundOptions, CancellationToken, Task<int>> run)
    {
        var defaults = new PlaygroundOptions();
        var kubePort = PortOption("--kube-port", defaults.KubePort, "Port for LocalKube on 127.0.0.1 (0 picks a free one)");
        var awsPort = PortOption("--aws-port", defaults.AwsPort, "Port on 127.0.0.1 for AWS: the fault proxy in front of moto (0 picks a free one)");
        var endpoint = UrlOption.Create("--aws-endpoint-url", "Forward to this running AWS endpoint (for example http://127.0.0.1:5000) instead of starting moto");
        var kubeconfig = new Option<string>("--kubeconfig-out") { Description = "Where to write the kubeconfig for kubectl", DefaultValueFactory = _ => defaults.KubeconfigOut };
        var apply = new Option<string?>("--apply") { Description = "Apply the YAML manifests in this directory and show their conditions live" };
        var exitWhenReady = new Option<bool>("--exit-when-ready") { Description = "Exit 0 once every applied object is Ready" };
        var timeout = DurationOption.Create("--timeout", defaults.Timeout, "How long --exit-when-ready waits (seconds, or a duration)", mustBePositive: true);
        var region = new Option<string>("--region") { Description = "AWS region", DefaultValueFactory = _ => defaults.Region };
        var metrics = new Option<string>("--metrics-bind-address") { Description = "The operator's /metrics address (\"0\" disables)", DefaultValueFactory = _ => defaults.MetricsBindAddress };
        var health = new Option<string>("--health-probe-bind-address") { Description = "The operator's /healthz and /readyz address (\"0\" disables)", DefaultValueFactory = _ => defaults.HealthProbeBindAddress };
        var resync = DurationOption.Create("--resync-period", defaults.ResyncPeriod, "How often the operator re-reads every object from AWS to find drift", mustBePositive: true);

        var root = new RootCommand("ecs-operator playground: LocalKube + moto + the operator, on this machine, with no cloud.")
        {
            kubePort, awsPort, endpoint, kubeconfig, apply, exitWhenReady, timeout, region, metrics, health, resync,
        };
        root.SetAction((parse, cancellationToken) => run(
            new PlaygroundOptions
            {
                KubePort = parse.GetValue(kubePort),
                AwsPort = parse.GetValue(awsPort),
                AwsEndpointUrl = parse.GetValue(endpoint),
                KubeconfigOut = parse.GetRequiredValue(kubeconfig),
                ApplyDirectory = parse.GetValue(apply),
                ExitWhenReady = parse.GetValue(exitWhenReady),
                Timeout = DurationOption.Value(parse, timeout, defaults.Timeout),
                Region = parse.GetRequiredValue(region),
                MetricsBindAddress = parse.GetRequiredValue(metrics),
                HealthProbeBindAddress = parse.GetRequiredValue(health),
                ResyncPeriod = DurationOption.Value(parse, resync, defaults.ResyncPeriod),
            },
            cancellationToken));
        return root;
    }

    private static Option<int> PortOption(string name, int defaultValue, string description)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError($"{name} must be between 0 and 65535");
            }
        });
        return option;
    }
}

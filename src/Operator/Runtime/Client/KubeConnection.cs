using k8s;
using k8s.Exceptions;

namespace EcsOperator.Runtime.Client;

/// <summary>The failure a user fixes by pointing the operator at a cluster: one line, no stack trace.</summary>
public sealed class KubeConnectionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The one place that finds the cluster: resolves the Kubernetes client configuration the way kubectl and
/// controller-runtime do (explicit flag, in-cluster, $KUBECONFIG, ~/.kube/config) and proves the API answers.
/// </summary>
public static class KubeConnection
{
    /// <summary>Loads the configuration, naming every source it tried when none works.</summary>
    public static KubernetesClientConfiguration Resolve(string? kubeconfig)
    {
        if (!string.IsNullOrEmpty(kubeconfig))
        {
            return FromFile(kubeconfig);
        }

        if (KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        var envPath = Environment.GetEnvironmentVariable("KUBECONFIG")?
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(File.Exists);
        if (envPath is not null)
        {
            return FromFile(envPath);
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        if (File.Exists(home))
        {
            return FromFile(home);
        }

        throw new KubeConnectionException(
            $"no Kubernetes configuration found: not in a cluster (KUBERNETES_SERVICE_HOST unset), $KUBECONFIG unset or missing, and no {home}; pass --kubeconfig");
    }

    /// <summary>An API client for the resolved configuration.</summary>
    public static IKubernetes CreateClient(string? kubeconfig) => new Kubernetes(Resolve(kubeconfig));

    /// <summary>Asks the API server for /version, so that a wrong address fails at start, not at the first watch.</summary>
    public static async Task ProbeAsync(KubernetesClientConfiguration config, string source, CancellationToken cancellationToken)
    {
        using var client = new Kubernetes(config);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await client.Version.GetCodeAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or k8s.Autorest.HttpOperationException)
        {
            var why = ex is OperationCanceledException ? "no answer within 10 s" : ex.Message;
            throw new KubeConnectionException($"cannot reach the Kubernetes API at {config.Host} (from {source}): {why}", ex);
        }
    }

    /// <summary>Where the configuration came from, for messages.</summary>
    public static string Describe(string? kubeconfig) =>
        !string.IsNullOrEmpty(kubeconfig) ? $"kubeconfig {kubeconfig}"
        : KubernetesClientConfiguration.IsInCluster() ? "in-cluster service account"
        : "the default kubeconfig";

    private static KubernetesClientConfiguration FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new KubeConnectionException($"kubeconfig {path} does not exist; pass --kubeconfig with a readable file, or run in a cluster");
        }

        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigObject(KubeconfigFile.Load(path));
        }
        catch (KubeConfigException ex)
        {
            throw new KubeConnectionException($"kubeconfig {path} is not usable: {ex.Message}", ex);
        }
    }
}

using k8s;

namespace EcsOperator.Runtime.Client;

/// <summary>Builds the API client the way kubectl finds its cluster: an explicit kubeconfig, else in-cluster, else ~/.kube/config.</summary>
public static class KubeClientFactory
{
    public static IKubernetes Create(string? kubeconfigPath)
    {
        KubernetesClientConfiguration config;
        if (!string.IsNullOrEmpty(kubeconfigPath))
        {
            config = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath);
        }
        else if (KubernetesClientConfiguration.IsInCluster())
        {
            config = KubernetesClientConfiguration.InClusterConfig();
        }
        else
        {
            config = KubernetesClientConfiguration.BuildDefaultConfig();
        }

        return new Kubernetes(config);
    }
}

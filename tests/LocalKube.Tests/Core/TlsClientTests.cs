using EcsOperator.Testing;
using k8s;
using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>HTTPS with a generated certificate whose CA travels in the kubeconfig.</summary>
public sealed class TlsClientTests
{
    [Fact]
    public async Task KubernetesClient_and_kubectl_trust_the_generated_certificate_through_the_kubeconfig()
    {
        await using var kube = await LocalKubeServer.StartAsync(new LocalKubeOptions { UseTls = true }, TestContext.Current.CancellationToken);
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kube.Kubeconfig.Path));

        var namespaces = await client.CoreV1.ListNamespaceAsync(cancellationToken: TestContext.Current.CancellationToken);
        var kubectl = await new EcsOperator.Testing.Kubectl(kube.Kubeconfig.Path).RunOkAsync("get", "namespace", "kube-system", "-o", "name");

        Assert.Equal("https", kube.BaseUri.Scheme);
        Assert.Contains("certificate-authority-data:", kube.Kubeconfig.Contents, StringComparison.Ordinal);
        Assert.Contains(namespaces.Items, n => n.Metadata.Name == "kube-system");
        Assert.Equal("namespace/kube-system", kubectl.Trim());
    }
}

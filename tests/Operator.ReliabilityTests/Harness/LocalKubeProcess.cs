using EcsOperator.Crds;
using EcsOperator.Testing;
using k8s;

namespace EcsOperator.ReliabilityTests.Harness;

/// <summary>The LocalKube CLI as a child process, with the operator's CRDs installed; its kubeconfig is for the operator.</summary>
public sealed class LocalKubeProcess : IAsyncDisposable
{
    private readonly ChildProcess _child;

    private LocalKubeProcess(ChildProcess child, string kubeconfigPath, Uri baseUri)
    {
        _child = child;
        KubeconfigPath = kubeconfigPath;
        BaseUri = baseUri;
        Client = new Kubernetes(new KubernetesClientConfiguration { Host = baseUri.ToString() });
    }

    public string KubeconfigPath { get; }

    public Uri BaseUri { get; }

    public IKubernetes Client { get; }

    public static async Task<LocalKubeProcess> StartAsync(string workDirectory, string kubeSystemUid, CancellationToken cancellationToken)
    {
        var kubeconfig = Path.Combine(workDirectory, "kubeconfig");
        var child = ChildProcess.Start(
            "LocalKube.dll",
            ["--port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), "--kubeconfig-out", kubeconfig, "--kube-system-uid", kubeSystemUid],
            new Dictionary<string, string>(),
            Path.Combine(workDirectory, "localkube.log"),
            readyPrefix: "READY ");
        var ready = await child.WaitReadyAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var url = ready.Split(' ').Single(p => p.StartsWith("url=", StringComparison.Ordinal))["url=".Length..];
        var kube = new LocalKubeProcess(child, kubeconfig, new Uri(url));
        foreach (var crd in CrdWriter.Build())
        {
            await kube.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
        }

        return kube;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _child.DisposeAsync();
    }
}

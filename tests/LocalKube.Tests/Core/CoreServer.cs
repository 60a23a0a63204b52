using System.Net.Http.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using LocalKube.Registry;
using LocalKube.Serialization;
using LocalKube.Storage;
using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>A LocalKube server with the Widget test CRD installed, and a real KubernetesClient pointed at it.</summary>
public sealed class CoreServer : IAsyncDisposable
{
    public const string Group = "test.localkube.dev";
    public const string Version = "v1";
    public const string Plural = "widgets";

    private const string WidgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.test.localkube.dev
        spec:
          group: test.localkube.dev
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd], categories: [testing]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            schema:
              openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """;

    private CoreServer(LocalKubeServer kube)
    {
        Kube = kube;
        Client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kube.Kubeconfig.Path));
        Http = new HttpClient { BaseAddress = kube.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public LocalKubeServer Kube { get; }

    public Kubernetes Client { get; }

    public HttpClient Http { get; }

    public static async Task<CoreServer> StartAsync(Action<LocalKubeOptions>? configure = null)
    {
        var options = new LocalKubeOptions();
        configure?.Invoke(options);
        var kube = await LocalKubeServer.StartAsync(options, TestContext.Current.CancellationToken);
        kube.Service.Create(BuiltInTypes.CustomResourceDefinition, null, YamlJson.ParseDocuments(WidgetCrd)[0], WriteOptions.Default);
        return new CoreServer(kube);
    }

    public async Task<string> NewNamespaceAsync()
    {
        var name = EcsOperator.Testing.TestNames.Unique("ns");
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: TestContext.Current.CancellationToken);
        return name;
    }

    public Task<Widget> CreateWidgetAsync(string ns, string name, int size = 1, IDictionary<string, string>? labels = null, IList<string>? finalizers = null) =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync<Widget>(
            new Widget
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = labels, Finalizers = finalizers },
                Spec = new WidgetSpec { Size = size },
            },
            Group, Version, ns, Plural, cancellationToken: TestContext.Current.CancellationToken);

    public Task<Widget> GetWidgetAsync(string ns, string name) =>
        Client.CustomObjects.GetNamespacedCustomObjectAsync<Widget>(Group, Version, ns, Plural, name, TestContext.Current.CancellationToken);

    public Task<Widget> MergePatchWidgetAsync(string ns, string name, string patch, bool status = false) => status
        ? Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<Widget>(new V1Patch(patch, V1Patch.PatchType.MergePatch), Group, Version, ns, Plural, name, cancellationToken: TestContext.Current.CancellationToken)
        : Client.CustomObjects.PatchNamespacedCustomObjectAsync<Widget>(new V1Patch(patch, V1Patch.PatchType.MergePatch), Group, Version, ns, Plural, name, cancellationToken: TestContext.Current.CancellationToken);

    public Task<WidgetList> ListWidgetsAsync(string ns, string? labelSelector = null, string? fieldSelector = null, int? limit = null, string? continueToken = null) =>
        Client.CustomObjects.ListNamespacedCustomObjectAsync<WidgetList>(
            Group, Version, ns, Plural, continueParameter: continueToken, fieldSelector: fieldSelector, labelSelector: labelSelector, limit: limit,
            cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Calls the fault admin endpoint over HTTP, as a test in another process would.</summary>
    public async Task<JsonObject> PostFaultAsync(string pathAndQuery)
    {
        using var response = await Http.PostAsync(new Uri(pathAndQuery, UriKind.Relative), null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        await Kube.DisposeAsync();
    }
}

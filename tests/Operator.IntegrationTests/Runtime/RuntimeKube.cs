using System.Text.Json.Nodes;
using EcsOperator.Runtime.Client;
using EcsOperator.Testing;
using k8s;
using k8s.Models;
using LocalKube;

namespace EcsOperator.IntegrationTests.Runtime;

/// <summary>A LocalKube with the Widget CRD installed and a namespace of its own, plus the calls a user would make.</summary>
public sealed class RuntimeKube : IAsyncDisposable
{
    private const string WidgetCrd = """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"widgets.ecs.operator.dev"},
         "spec":{"group":"ecs.operator.dev","scope":"Namespaced",
           "names":{"plural":"widgets","singular":"widget","kind":"Widget","listKind":"WidgetList"},
           "versions":[{"name":"v1alpha1","served":true,"storage":true,"subresources":{"status":{}},
             "schema":{"openAPIV3Schema":{"type":"object","properties":{
               "spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
               "status":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}]}}
        """;

    private RuntimeKube(LocalKubeServer server, IKubernetes api, string @namespace)
    {
        Server = server;
        Api = api;
        Namespace = @namespace;
        Client = new KubeClient(api);
    }

    public LocalKubeServer Server { get; }

    public IKubernetes Api { get; }

    public KubeClient Client { get; }

    public string Namespace { get; }

    public static async Task<RuntimeKube> StartAsync(bool installCrd = true)
    {
        var server = await LocalKubeServer.StartAsync(new LocalKubeOptions());
        var api = NewApi(server);
        var kube = new RuntimeKube(server, api, TestNames.Unique("rt"));
        await api.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = kube.Namespace } });
        if (installCrd)
        {
            await kube.InstallCrdAsync();
        }

        return kube;
    }

    /// <summary>A fresh client (its own connections), as a separate operator process would have, from LocalKube's kubeconfig.</summary>
    public static IKubernetes NewApi(LocalKubeServer server) => KubeConnection.CreateClient(server.Kubeconfig.Path);

    public Task InstallCrdAsync() =>
        Api.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesJson.Deserialize<V1CustomResourceDefinition>(WidgetCrd));

    public Task CreateAsync(string name, int size = 1, IDictionary<string, string>? labels = null, string? inNamespace = null)
    {
        var ns = inNamespace ?? Namespace;
        var widget = new Widget { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = labels }, Spec = new WidgetSpec { Size = size } };
        return Api.CustomObjects.CreateNamespacedCustomObjectAsync(widget, "ecs.operator.dev", "v1alpha1", ns, "widgets");
    }

    public Task ResizeAsync(string name, int size) => PatchAsync(name, new JsonObject { ["spec"] = new JsonObject { ["size"] = size } });

    public Task PatchAsync(string name, JsonObject patch) =>
        Api.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), "ecs.operator.dev", "v1alpha1", Namespace, "widgets", name);

    public Task DeleteAsync(string name) =>
        Api.CustomObjects.DeleteNamespacedCustomObjectAsync("ecs.operator.dev", "v1alpha1", Namespace, "widgets", name);

    public async Task<IReadOnlyList<Widget>> ListAsync() => (await Client.ListAsync<Widget>(Namespace, null, CancellationToken.None)).Items;

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Server.DisposeAsync();
    }
}

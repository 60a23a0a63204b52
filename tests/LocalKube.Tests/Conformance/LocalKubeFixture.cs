using System.Text.Json.Nodes;
using EcsOperator.Testing;
using LocalKube.Registry;
using LocalKube.Serialization;
using LocalKube.Server;
using LocalKube.Storage;
using Xunit;

namespace LocalKube.Tests.Conformance;

/// <summary>
/// One in-process LocalKube with the project's CRDs installed, shared by a test class. Tests drive it with the
/// real kubectl (each in its own namespace) and read the stored state through the in-process API.
/// </summary>
public sealed class LocalKubeFixture : IAsyncLifetime
{
    public const string Group = "ecs.operator.dev";
    public const string Version = "v1alpha1";

    private LocalKubeServer? _server;

    public LocalKubeServer Server => _server ?? throw new InvalidOperationException("the fixture has not started");

    public static string RepoRoot => RepositoryRoot.Path;

    public static string Config(params string[] parts) => Path.Combine([RepoRoot, "config", .. parts]);

    public async ValueTask InitializeAsync()
    {
        _server = await LocalKubeServer.StartAsync(new LocalKubeOptions(), TestContext.Current.CancellationToken);
        foreach (var file in Directory.EnumerateFiles(Config("crds"), "ecs.operator.dev_*.yaml"))
        {
            // Through JSON text, as kubectl would send it, so the stored CRD looks like one a client created.
            var crd = JsonNode.Parse(YamlJson.ParseDocuments(await File.ReadAllTextAsync(file)).Single().ToJsonString())!.AsObject();
            _server.Service.Create(BuiltInTypes.CustomResourceDefinition, null, crd, WriteOptions.Default);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A kubectl of that client (<see cref="KubectlClients"/>) bound to this server; skips locally when it is missing, fails under CI.</summary>
    public Task<EcsOperator.Testing.Kubectl> KubectlAsync(string client) => KubectlClients.ForAsync(client, Server.Kubeconfig.Path);

    /// <summary>Creates a fresh namespace through kubectl and returns its name.</summary>
    public static async Task<string> NewNamespaceAsync(EcsOperator.Testing.Kubectl kubectl)
    {
        var ns = TestNames.Unique("kc");
        await kubectl.RunOkAsync("create", "namespace", ns);
        return ns;
    }

    /// <summary>The stored object, or null when it does not exist.</summary>
    public JsonObject? Get(string group, string version, string plural, string? ns, string name)
    {
        var type = Server.Registry.Find(group, version, plural) ?? throw new InvalidOperationException($"{plural}.{group} is not served");
        try
        {
            return Server.Service.Get(type, ns, name);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            return null;
        }
    }

    public JsonObject? GetEcs(string plural, string ns, string name) => Get(Group, Version, plural, ns, name);

    /// <summary>Merge-patches an object in-process (subresource "status" writes status only), as a controller would.</summary>
    public void MergePatch(string plural, string ns, string name, string patch, string? subresource = null)
    {
        var type = Server.Registry.Find(Group, Version, plural)!;
        Server.Service.Patch(type, ns, name, "application/merge-patch+json", patch, subresource, WriteOptions.Default with { FieldManager = "test" });
    }

    /// <summary>Merge-patches a Deployment in-process, as another controller would (a field kubectl apply must keep).</summary>
    public void MergePatchDeployment(string ns, string deployment, string patch)
    {
        var type = Server.Registry.Find("apps", "v1", "deployments")!;
        Server.Service.Patch(type, ns, deployment, "application/merge-patch+json", patch, null, WriteOptions.Default with { FieldManager = "test" });
    }
}

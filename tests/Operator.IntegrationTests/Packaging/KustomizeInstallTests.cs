using System.Text.Json.Nodes;
using EcsOperator.Testing;
using LocalKube;
using LocalKube.Server;
using Xunit;
using static EcsOperator.IntegrationTests.Packaging.ChartFiles;

namespace EcsOperator.IntegrationTests.Packaging;

/// <summary>README's kustomize install, `kubectl apply -k config/default` read from README.md, against a LocalKube of its own.</summary>
public sealed class KustomizeInstallTests : IAsyncLifetime
{
    private LocalKubeServer _kube = null!;

    public async ValueTask InitializeAsync() => _kube = await LocalKubeServer.StartAsync(new LocalKubeOptions(), TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _kube.DisposeAsync();

    [Fact]
    public async Task Apply_k_config_default_installs_the_crds_rbac_and_the_operator()
    {
        // README's kustomize block, as a user copies it; its namespace is config/'s own (this LocalKube is the test's alone).
        var command = Assert.Single(ReadmeInstall.Blocks()[1]);
        Assert.Equal(["kubectl", "apply", "-k", "config/default"], command);
        await new Kubectl(_kube.Kubeconfig.Path).RunOkAsync(ReadmeInstall.Localize(command, ChartFiles.ConfigNamespace));

        Assert.NotNull(Get("apiextensions.k8s.io", "v1", "customresourcedefinitions", null, "services.ecs.operator.dev"));
        var args = Get("apps", "v1", "deployments", "ecs-operator-system", "ecs-operator")!["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!
            .AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.DoesNotContain("--metrics-secure=false", args); // the secure default
        Assert.True(JsonNode.DeepEquals(Config("rbac", "role.yaml")["rules"], Get("rbac.authorization.k8s.io", "v1", "clusterroles", null, "ecs-operator")!["rules"]));
        Assert.True(JsonNode.DeepEquals(Config("rbac", "metrics_reader_role.yaml")["rules"], Get("rbac.authorization.k8s.io", "v1", "clusterroles", null, "ecs-operator-metrics-reader")!["rules"]));
        Assert.NotNull(Get("rbac.authorization.k8s.io", "v1", "roles", "ecs-operator-system", "ecs-operator-leader-election"));
    }

    private JsonObject? Get(string group, string version, string plural, string? ns, string name)
    {
        var type = _kube.Registry.Find(group, version, plural) ?? throw new InvalidOperationException($"{plural}.{group} is not served");
        try
        {
            return _kube.Service.Get(type, ns, name);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            return null;
        }
    }
}

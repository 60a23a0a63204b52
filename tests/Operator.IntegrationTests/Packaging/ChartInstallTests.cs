using System.Text.Json.Nodes;
using EcsOperator.Testing;
using LocalKube;
using LocalKube.Server;
using Xunit;
using static EcsOperator.IntegrationTests.Packaging.ChartFiles;

namespace EcsOperator.IntegrationTests.Packaging;

/// <summary>helm install, upgrade and uninstall of the chart against a LocalKube of its own, as a user runs them.</summary>
public sealed class ChartInstallTests : IAsyncLifetime
{
    private static readonly string[] CrdNames =
        ["clusters.ecs.operator.dev", "taskdefinitions.ecs.operator.dev", "services.ecs.operator.dev", "loadbalancerbindings.ecs.operator.dev"];

    private LocalKubeServer _kube = null!;

    public async ValueTask InitializeAsync() => _kube = await LocalKubeServer.StartAsync(new LocalKubeOptions(), TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _kube.DisposeAsync();

    [Theory]
    [MemberData(nameof(Helm.Versions), MemberType = typeof(Helm))]
    public async Task Install_upgrade_and_uninstall_create_change_and_remove_the_operators_objects(string helmVersion)
    {
        var helm = await Helm.ForAsync(helmVersion, _kube.Kubeconfig.Path);
        var ns = TestNames.Unique("chart");

        // README's Helm block, command by command as a user copies it, in a namespace of this test's own.
        var readme = ReadmeInstall.Blocks()[0];
        Assert.Equal(["helm install", "kubectl apply", "helm upgrade", "helm uninstall"], readme.Select(c => $"{c[0]} {c[1]}"));
        var kubectl = new Kubectl(_kube.Kubeconfig.Path);
        Task<ProcessResult> Run(int line) => readme[line][0] == "helm"
            ? helm.RunAsync(ReadmeInstall.Localize(readme[line], ns))
            : kubectl.RunAsync(ReadmeInstall.Localize(readme[line], ns));

        AssertSucceeded(await Run(0));

        Assert.All(CrdNames, crd => Assert.NotNull(Get("apiextensions.k8s.io", "v1", "customresourcedefinitions", null, crd)));
        var deployment = Get("apps", "v1", "deployments", ns, "ecs-operator")!;
        Assert.Contains("--workers=4", Args(deployment));
        Assert.Contains("--region=eu-west-1", Args(deployment));
        Assert.Equal(
            "arn:aws:iam::111122223333:role/ecs-operator",
            Str(Get(string.Empty, "v1", "serviceaccounts", ns, "ecs-operator")!["metadata"]!["annotations"]!["eks.amazonaws.com/role-arn"]));
        Assert.True(JsonNode.DeepEquals(Config("rbac", "role.yaml")["rules"], Get("rbac.authorization.k8s.io", "v1", "clusterroles", null, "ecs-operator")!["rules"]));
        Assert.NotNull(Get(string.Empty, "v1", "services", ns, "ecs-operator-metrics"));
        Assert.NotNull(Get("policy", "v1", "poddisruptionbudgets", ns, "ecs-operator"));
        Assert.NotNull(Get("rbac.authorization.k8s.io", "v1", "roles", ns, "ecs-operator-leader-election"));

        AssertSucceeded(await Run(1));
        AssertSucceeded(await Run(2));

        deployment = Get("apps", "v1", "deployments", ns, "ecs-operator")!;
        Assert.Contains("--workers=8", Args(deployment));
        Assert.DoesNotContain("--workers=4", Args(deployment));
        Assert.Contains("--region=eu-west-1", Args(deployment)); // --reuse-values kept the install's values
        Assert.NotNull(Get(string.Empty, "v1", "secrets", ns, "sh.helm.release.v1.ecs-operator.v2"));

        await helm.RunOkAsync("upgrade", "ecs-operator", Chart, "--namespace", ns, "--reuse-values", "--set", "replicas=1");
        Assert.Equal(1, Get("apps", "v1", "deployments", ns, "ecs-operator")!["spec"]!["replicas"]!.GetValue<long>());
        Assert.Null(Get("policy", "v1", "poddisruptionbudgets", ns, "ecs-operator")); // one replica: no PDB to block drains

        AssertSucceeded(await Run(3));

        Assert.Null(Get("apps", "v1", "deployments", ns, "ecs-operator"));
        Assert.Null(Get("rbac.authorization.k8s.io", "v1", "clusterroles", null, "ecs-operator"));
        Assert.Null(Get(string.Empty, "v1", "serviceaccounts", ns, "ecs-operator"));
        Assert.All(["v1", "v2", "v3"], v => Assert.Null(Get(string.Empty, "v1", "secrets", ns, $"sh.helm.release.v1.ecs-operator.{v}")));
        // Helm never deletes what it installed from crds/: deleting a CRD would delete every object of the kind.
        Assert.All(CrdNames, crd => Assert.NotNull(Get("apiextensions.k8s.io", "v1", "customresourcedefinitions", null, crd)));
    }

    [Fact]
    public async Task Crds_owned_by_the_release_are_kept_on_uninstall()
    {
        var helm = await Helm.ForAsync(Helm.V3, _kube.Kubeconfig.Path);
        var ns = TestNames.Unique("chart");

        await helm.RunOkAsync("install", "ecs", Chart, "--namespace", ns, "--create-namespace", "--skip-crds", "--set", "crds.install=true");

        Assert.All(CrdNames, crd =>
        {
            var metadata = Get("apiextensions.k8s.io", "v1", "customresourcedefinitions", null, crd)!["metadata"]!;
            Assert.Equal("ecs", Str(metadata["annotations"]!["meta.helm.sh/release-name"]));
            Assert.Equal("keep", Str(metadata["annotations"]!["helm.sh/resource-policy"]));
        });
        var uninstalled = await helm.RunOkAsync("uninstall", "ecs", "--namespace", ns, "--wait");

        Assert.Contains("kept due to the resource policy", uninstalled, StringComparison.Ordinal);
        Assert.Null(Get("apps", "v1", "deployments", ns, "ecs-ecs-operator"));
        Assert.All(CrdNames, crd => Assert.NotNull(Get("apiextensions.k8s.io", "v1", "customresourcedefinitions", null, crd)));
    }

    private static void AssertSucceeded(ProcessResult result) => Assert.True(result.ExitCode == 0, result.ToString());

    private static List<string> Args(JsonObject deployment) =>
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();

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

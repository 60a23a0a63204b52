using EcsOperator.Testing;
using LocalKube.Tests.Conformance;
using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>
/// CRDs seeded from YAML files at start (--crds, the playground's path) print like CRDs a client created:
/// priority-1 columns appear only with -o wide.
/// </summary>
public sealed class SeededCrdColumnsTests
{
    [Fact]
    public async Task Wide_only_columns_stay_out_of_plain_get_for_crds_seeded_from_yaml()
    {
        await using var kube = await LocalKubeServer.StartAsync(
            new LocalKubeOptions { CrdDirectory = LocalKubeFixture.Config("crds") },
            TestContext.Current.CancellationToken);
        var kubectl = new Kubectl(kube.Kubeconfig.Path);
        var ns = TestNames.Unique("seeded");
        await kubectl.RunOkAsync("create", "namespace", ns);
        await kubectl.RunAsync(
            ["apply", "-n", ns, "-f", "-"],
            stdin: "apiVersion: ecs.operator.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: demo\nspec: {}\n",
            cancellationToken: TestContext.Current.CancellationToken);

        var plain = await kubectl.RunOkAsync("get", "clusters.ecs.operator.dev", "-n", ns);
        var wide = await kubectl.RunOkAsync("get", "clusters.ecs.operator.dev", "-n", ns, "-o", "wide");

        Assert.DoesNotContain("ARN", plain.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("ARN", wide.Split('\n')[0], StringComparison.Ordinal);
    }
}

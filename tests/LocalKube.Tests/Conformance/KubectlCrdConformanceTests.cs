using EcsOperator.Testing;
using Xunit;

namespace LocalKube.Tests.Conformance;

/// <summary>kubectl installs the CRDs (files and kustomize) into an empty LocalKube and discovers them at once.</summary>
public class KubectlCrdConformanceTests
{
    private static readonly string[] Kinds = ["clusters", "loadbalancerbindings", "services", "taskdefinitions"];

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Crds_apply_from_files_then_kustomize_and_show_up_in_get_crd_and_api_resources(string client)
    {
        await using var server = await LocalKubeServer.StartAsync(new LocalKubeOptions(), TestContext.Current.CancellationToken);
        var kubectl = await KubectlClients.ForAsync(client, server.Kubeconfig.Path);

        var files = Kinds.Select(k => LocalKubeFixture.Config("crds", $"ecs.operator.dev_{k}.yaml")).ToArray();
        var created = await kubectl.RunOkAsync(["apply", .. files.SelectMany(f => new[] { "-f", f })]);
        foreach (var kind in Kinds)
        {
            Assert.Contains($"customresourcedefinition.apiextensions.k8s.io/{kind}.ecs.operator.dev created", created, StringComparison.Ordinal);
        }

        var again = await kubectl.RunOkAsync("apply", "-k", LocalKubeFixture.Config("crds"));
        Assert.Equal(4, again.Split('\n').Count(l => l.EndsWith(" unchanged", StringComparison.Ordinal)));

        var crds = await kubectl.RunOkAsync("get", "crd");
        Assert.StartsWith("NAME", crds, StringComparison.Ordinal);
        Assert.Contains("CREATED AT", crds, StringComparison.Ordinal);
        Assert.All(Kinds, k => Assert.Contains($"{k}.ecs.operator.dev", crds, StringComparison.Ordinal));

        var resources = await kubectl.RunOkAsync("api-resources", "--api-group=ecs.operator.dev");
        Assert.Matches(@"services\s+ecss\s+ecs\.operator\.dev/v1alpha1\s+true\s+Service", resources);
        Assert.Matches(@"clusters\s+ecsc\s+ecs\.operator\.dev/v1alpha1\s+true\s+Cluster", resources);
        Assert.Equal(4, resources.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.NotNull(server.Registry.Find("ecs.operator.dev", "v1alpha1", "taskdefinitions"));
    }
}

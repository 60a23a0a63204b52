using EcsOperator.Testing;
using LocalKube.Serialization;
using Xunit;
using static EcsOperator.IntegrationTests.Packaging.ChartFiles;

namespace EcsOperator.IntegrationTests.Packaging;

/// <summary>The Flux HelmRelease in deploy/gitops points at this chart with values its schema accepts.</summary>
public sealed class GitOpsChartValuesTests
{
    [Fact]
    public async Task The_flux_helm_release_values_lint_and_render_against_the_chart()
    {
        var release = YamlJson.ParseDocuments(File.ReadAllText(RepositoryRoot.Combine("deploy", "gitops", "flux", "helmrelease.yaml"))).Single();
        var chartPath = Str(release["spec"]!["chart"]!["spec"]!["chart"])!;
        var values = Path.Combine(Directory.CreateTempSubdirectory("flux-values-").FullName, "values.json");
        await File.WriteAllTextAsync(values, release["spec"]!["values"]!.ToJsonString(), TestContext.Current.CancellationToken);
        var helm = await Helm.ForAsync(Helm.V3);

        var lint = await helm.RunAsync("lint", "--strict", Chart, "--values", values);
        var rendered = await RenderAsync(helm, "ecs-operator", "ecs-operator-system", "--values", values);

        Assert.Equal(Chart, RepositoryRoot.Combine(chartPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray()));
        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.Equal(
            Str(release["spec"]!["values"]!["serviceAccount"]!["annotations"]!["eks.amazonaws.com/role-arn"]),
            Str(Single(rendered, "ServiceAccount")["metadata"]!["annotations"]!["eks.amazonaws.com/role-arn"]));
    }
}

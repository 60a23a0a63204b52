using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Packaging;

/// <summary>`helm lint --strict` with helm 3 and 4: the chart's values and values.schema.json.</summary>
public sealed class ChartLintTests
{
    [Theory]
    [MemberData(nameof(Helm.Versions), MemberType = typeof(Helm))]
    public async Task The_chart_lints_strictly_with_its_defaults_and_with_every_option_set(string helmVersion)
    {
        var helm = await Helm.ForAsync(helmVersion);

        var defaults = await helm.RunAsync("lint", "--strict", ChartFiles.Chart);
        var everyOption = await helm.RunAsync("lint", "--strict", ChartFiles.Chart, "--values", ChartFiles.EveryOptionValues);

        Assert.True(defaults.ExitCode == 0, defaults.ToString());
        Assert.True(everyOption.ExitCode == 0, everyOption.ToString());
    }

    [Theory]
    [MemberData(nameof(Helm.Versions), MemberType = typeof(Helm))]
    public async Task The_values_schema_rejects_a_wrong_type_and_an_unknown_key(string helmVersion)
    {
        var helm = await Helm.ForAsync(helmVersion);

        var wrongType = await helm.RunAsync("lint", "--strict", ChartFiles.Chart, "--values", ChartFiles.WrongTypeValues);
        var typo = await helm.RunAsync("lint", "--strict", ChartFiles.Chart, "--set", "replica=3");
        var badLogLevel = await helm.RunAsync("template", "x", ChartFiles.Chart, "--set", "logLevel=verbose");

        Assert.NotEqual(0, wrongType.ExitCode);
        Assert.Contains("replicas", wrongType.StdOut + wrongType.StdErr, StringComparison.Ordinal);
        Assert.NotEqual(0, typo.ExitCode);
        Assert.Contains("replica", typo.StdOut + typo.StdErr, StringComparison.Ordinal);
        Assert.NotEqual(0, badLogLevel.ExitCode);
        Assert.Contains("logLevel", badLogLevel.StdErr, StringComparison.Ordinal);
    }
}

using EcsOperator.Crds;
using EcsOperator.Testing;
using EcsOperator.Tests.Entities;
using Xunit;

namespace EcsOperator.Tests.Crds;

/// <summary>The committed CRDs are exactly what the generator writes from the C# types today.</summary>
public sealed class CrdDriftTests
{
    private const string Regenerate =
        "regenerate with `dotnet run --project src/Operator -- crds --output config/crds` (and `--output charts/ecs-operator/crds --chart`)";

    [Fact]
    public void Config_crds_holds_exactly_the_generated_files()
    {
        var rendered = CrdWriter.Render();

        var committed = Directory.GetFiles(RepositoryRoot.Combine("config", "crds")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(rendered.Keys.Order(StringComparer.Ordinal), committed);
        Assert.Equal(4, rendered.Keys.Count(name => name != CrdWriter.KustomizationFileName));
    }

    [Fact]
    public void Config_crds_content_has_not_drifted_from_the_entity_types()
    {
        foreach (var (fileName, content) in CrdWriter.Render())
        {
            var path = RepositoryRoot.Combine("config", "crds", fileName);
            Assert.True(File.Exists(path) && File.ReadAllText(path) == content, $"config/crds/{fileName} drifted: {Regenerate}");
        }
    }

    [Fact]
    public void Chart_crds_have_not_drifted_from_the_entity_types()
    {
        var chartCrds = RepositoryRoot.Combine("charts", "ecs-operator", "crds");
        var expected = CrdWriter.Render().Where(file => file.Key != CrdWriter.KustomizationFileName).ToList();

        // Helm installs every file in crds/ as a manifest, so the chart holds the four CRDs and nothing else.
        var committed = Directory.GetFiles(chartCrds).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Select(file => file.Key).Order(StringComparer.Ordinal), committed);
        foreach (var (fileName, content) in expected)
        {
            var path = Path.Combine(chartCrds, fileName);
            Assert.True(File.ReadAllText(path) == content, $"charts/ecs-operator/crds/{fileName} drifted: regenerate with `dotnet run --project src/Operator -- crds --chart --output charts/ecs-operator/crds`");
        }
    }

    [Fact]
    public async Task Crds_command_writes_the_same_files_from_any_working_directory()
    {
        // The descriptions come from the XML doc file next to the entities assembly, never from the working directory.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? ExternalTools.Require("dotnet", "install the .NET 10 SDK");
        var elsewhere = Directory.CreateTempSubdirectory("ecs-operator-cwd-");
        try
        {
            var output = Path.Combine(elsewhere.FullName, "out");
            var result = await ProcessRunner.RunAsync(
                dotnet, [Path.Combine(AppContext.BaseDirectory, "ecs-operator.dll"), "crds", "--output", output],
                workingDirectory: elsewhere.FullName, timeout: TimeSpan.FromSeconds(120),
                cancellationToken: TestContext.Current.CancellationToken);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.All(CrdWriter.Render(), file => Assert.Equal(file.Value, File.ReadAllText(Path.Combine(output, file.Key))));
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }

    [Fact]
    public void WriteAll_writes_what_Render_returns()
    {
        var directory = Directory.CreateTempSubdirectory("ecs-operator-crds-");
        try
        {
            var written = CrdWriter.WriteAll(directory.FullName);

            var rendered = CrdWriter.Render();
            Assert.Equal(rendered.Count, written.Count);
            Assert.All(written, path => Assert.Equal(rendered[Path.GetFileName(path)], File.ReadAllText(path)));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

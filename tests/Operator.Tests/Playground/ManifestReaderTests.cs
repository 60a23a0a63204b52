using System.Text.Json;
using EcsOperator.Playground;
using Xunit;

namespace EcsOperator.Tests.Playground;

public sealed class ManifestReaderTests
{
    private const string TwoObjects = """
        # leading comment
        apiVersion: ecs.operator.dev/v1alpha1
        kind: Cluster
        metadata:
          name: demo
        spec:
          containerInsights: enabled
        ---
        ---
        apiVersion: ecs.operator.dev/v1alpha1
        kind: TaskDefinition
        metadata:
          name: web
          namespace: team-a
        spec:
          cpu: "256"
        """;

    [Fact]
    public void A_multi_document_file_yields_every_object_and_skips_empty_documents()
    {
        var objects = ManifestReader.Parse(TwoObjects, "stack.yaml");

        Assert.Equal(["Cluster/demo", "TaskDefinition/web"], objects.Select(o => o.ToString()));
        Assert.All(objects, o => Assert.Equal("stack.yaml", o.SourceFile));
    }

    [Fact]
    public void An_object_without_a_namespace_goes_to_default_and_an_explicit_one_is_kept()
    {
        var objects = ManifestReader.Parse(TwoObjects, "stack.yaml");

        Assert.Equal(["default", "team-a"], objects.Select(o => o.Namespace));
    }

    [Fact]
    public void The_api_version_splits_into_group_and_version_and_the_core_group_is_empty()
    {
        var custom = Assert.Single(ManifestReader.Parse("apiVersion: ecs.operator.dev/v1alpha1\nkind: Cluster\nmetadata: {name: a}", "a.yaml"));
        var core = Assert.Single(ManifestReader.Parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}", "b.yaml"));

        Assert.Equal(("ecs.operator.dev", "v1alpha1"), (custom.Group, custom.Version));
        Assert.Equal((string.Empty, "v1"), (core.Group, core.Version));
    }

    [Theory]
    [InlineData("kind: Cluster\nmetadata: {name: a}", "apiVersion")]
    [InlineData("apiVersion: v1\nmetadata: {name: a}", "kind")]
    [InlineData("apiVersion: v1\nkind: Cluster\nmetadata: {}", "metadata.name")]
    [InlineData("apiVersion: v1\nkind: Cluster\nmetadata: {name: [a]}", "metadata.name")]
    public void A_document_missing_an_identifying_field_is_an_error_naming_the_file_document_and_field(string yaml, string field)
    {
        var error = Assert.Throws<PlaygroundException>(() => ManifestReader.Parse("apiVersion: v1\nkind: A\nmetadata: {name: ok}\n---\n" + yaml, "bad.yaml"));

        Assert.Contains("bad.yaml (document 2)", error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_is_an_error_naming_the_file_and_line()
    {
        var error = Assert.Throws<PlaygroundException>(() => ManifestReader.Parse("apiVersion: v1\nkind: [unclosed\n", "broken.yaml"));

        Assert.StartsWith("broken.yaml: not valid YAML at line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_read_in_name_order_with_placeholders_rewritten_and_the_kustomization_skipped()
    {
        var dir = Directory.CreateTempSubdirectory("manifests-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "b.yaml"), "apiVersion: v1\nkind: B\nmetadata: {name: b}\nspec: {fs: ${EFS_ID}}\n");
            File.WriteAllText(Path.Combine(dir, "a.yml"), "apiVersion: v1\nkind: A\nmetadata: {name: a}\n");
            File.WriteAllText(Path.Combine(dir, "kustomization.yaml"), "resources: [a.yml, b.yaml]\n");
            File.WriteAllText(Path.Combine(dir, "notes.txt"), "not a manifest ${UNKNOWN}");

            var set = ManifestReader.ReadDirectory(dir, new Dictionary<string, string> { ["EFS_ID"] = "fs-9", ["UNUSED"] = "x" });

            Assert.Equal(["A/a", "B/b"], set.Objects.Select(o => o.ToString()));
            Assert.Equal("fs-9", (string?)set.Objects[1].Body["spec"]!["fs"]);
            Assert.Equal(new Dictionary<string, string> { ["EFS_ID"] = "fs-9" }, set.UsedValues);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_directory_with_no_objects_is_an_error()
    {
        var dir = Directory.CreateTempSubdirectory("manifests-").FullName;
        try
        {
            var error = Assert.Throws<PlaygroundException>(() => ManifestReader.ReadDirectory(dir, new Dictionary<string, string>()));

            Assert.Contains("no Kubernetes objects", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_missing_directory_is_an_error_naming_it()
    {
        var error = Assert.Throws<PlaygroundException>(() => ManifestReader.ReadDirectory("/nonexistent/quickstart", new Dictionary<string, string>()));

        Assert.Contains("/nonexistent/quickstart", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_body_sent_to_the_api_keeps_numbers_numbers_and_quoted_strings_strings()
    {
        var manifest = Assert.Single(ManifestReader.Parse("apiVersion: v1\nkind: A\nmetadata: {name: a}\nspec: {count: 2, cpu: \"256\"}", "a.yaml"));

        Assert.Equal(JsonValueKind.Number, manifest.Body["spec"]!["count"]!.GetValueKind());
        Assert.Equal(JsonValueKind.String, manifest.Body["spec"]!["cpu"]!.GetValueKind());
    }
}

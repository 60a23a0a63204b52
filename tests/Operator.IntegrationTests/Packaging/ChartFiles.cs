using System.Text.Json.Nodes;
using EcsOperator.Testing;
using LocalKube.Serialization;

namespace EcsOperator.IntegrationTests.Packaging;

/// <summary>The chart, the kustomize install in config/, and the values files the chart tests use.</summary>
internal static class ChartFiles
{
    /// <summary>The release name and namespace under which the chart renders config/'s names (ecs-operator, ecs-operator-system).</summary>
    public const string ConfigReleaseName = "ecs-operator";
    public const string ConfigNamespace = "ecs-operator-system";

    public static string Chart => RepositoryRoot.Combine("charts", "ecs-operator");

    public static string EveryOptionValues => Values("every-option.values.yaml");

    public static string WrongTypeValues => Values("wrong-type.values.yaml");

    /// <summary>The objects `helm template` prints, one JSON object per document.</summary>
    public static async Task<IReadOnlyList<JsonObject>> RenderAsync(Helm helm, string release, string @namespace, params string[] extraArgs)
    {
        var output = await helm.RunOkAsync(["template", release, Chart, "--namespace", @namespace, .. extraArgs]);
        return YamlJson.ParseDocuments(output);
    }

    /// <summary>The one object of that kind (and name, when given) in a list of manifests.</summary>
    public static JsonObject Single(IEnumerable<JsonObject> objects, string kind, string? name = null) =>
        objects.Single(o => Str(o["kind"]) == kind && (name is null || Str(o["metadata"]?["name"]) == name));

    /// <summary>The one object in a config/ YAML file.</summary>
    public static JsonObject Config(params string[] path) =>
        YamlJson.ParseDocuments(File.ReadAllText(RepositoryRoot.Combine(["config", .. path]))).Single();

    public static string? Str(JsonNode? node) => node?.GetValue<string>();

    private static string Values(string fileName) =>
        RepositoryRoot.Combine("tests", "Operator.IntegrationTests", "Packaging", fileName);
}

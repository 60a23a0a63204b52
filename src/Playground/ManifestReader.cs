using System.Text.Json.Nodes;
using LocalKube.Serialization;
using YamlDotNet.Core;

namespace EcsOperator.Playground;

/// <summary>A directory of manifests after placeholder rewriting: the objects, and the placeholder values used.</summary>
public sealed record ManifestSet(IReadOnlyList<Manifest> Objects, IReadOnlyDictionary<string, string> UsedValues);

/// <summary>
/// Reads every <c>*.yaml</c>/<c>*.yml</c> file of a directory (not recursive, in name order; multi-document files
/// allowed), rewrites placeholders, and checks that each document is a Kubernetes object. A kustomization.yaml is
/// skipped, so that a directory can serve both the playground and <c>kubectl apply -k</c>.
/// Everything is checked before anything is applied: a typo never leaves half a quickstart behind.
/// </summary>
public static class ManifestReader
{
    public static ManifestSet ReadDirectory(string directory, IReadOnlyDictionary<string, string> placeholderValues)
    {
        if (!Directory.Exists(directory))
        {
            throw new PlaygroundException($"--apply {directory}: no such directory");
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetFileNameWithoutExtension(f).Equals("kustomization", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var objects = new List<Manifest>();
        var used = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var rewritten = PlaceholderRewriter.Rewrite(File.ReadAllText(file), file, placeholderValues);
            objects.AddRange(Parse(rewritten.Text, file));
            foreach (var name in rewritten.UsedPlaceholders)
            {
                used[name] = placeholderValues[name];
            }
        }

        if (objects.Count == 0)
        {
            throw new PlaygroundException($"--apply {directory}: no Kubernetes objects in any *.yaml file");
        }

        return new ManifestSet(objects, used);
    }

    /// <summary>The objects in one YAML text; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyList<Manifest> Parse(string yaml, string source)
    {
        IReadOnlyList<JsonNode> documents;
        try
        {
            documents = YamlJson.ParseAll(yaml);
        }
        catch (YamlException ex)
        {
            throw new PlaygroundException($"{source}: not valid YAML at line {ex.Start.Line}: {ex.Message}", ex);
        }

        return documents.Select((document, index) => ToManifest(document, source, index + 1)).ToList();
    }

    private static Manifest ToManifest(JsonNode document, string source, int number)
    {
        var where = $"{source} (document {number})";
        if (document is not JsonObject body)
        {
            throw new PlaygroundException($"{where}: a Kubernetes object must be a mapping");
        }

        foreach (var (path, value) in new[] { ("apiVersion", body["apiVersion"]), ("kind", body["kind"]), ("metadata.name", body["metadata"]?["name"]) })
        {
            if (value is not JsonValue text || !text.TryGetValue<string>(out var s) || string.IsNullOrWhiteSpace(s))
            {
                throw new PlaygroundException($"{where}: {path} is missing or not a string");
            }
        }

        var ns = body["metadata"]?["namespace"];
        if (ns is not null && (ns is not JsonValue nsValue || !nsValue.TryGetValue<string>(out _)))
        {
            throw new PlaygroundException($"{where}: metadata.namespace must be a string");
        }

        return new Manifest(source, body);
    }
}

using System.Text.Json.Nodes;

namespace LocalKube.Validation;

/// <summary>
/// Drops the fields a structural schema does not declare (unless x-kubernetes-preserve-unknown-fields says
/// keep them) and reports their paths, as the apiextensions apiserver does before defaulting and validation.
/// At the root only apiVersion, kind and metadata are exempt: the apiserver validates metadata itself.
/// </summary>
public static class StructuralPruner
{
    private static readonly string[] RootExempt = ["apiVersion", "kind", "metadata"];

    /// <summary>Prunes in place; returns the pruned fields' paths, e.g. "spec.foo" or "spec.items[0].bar".</summary>
    public static IReadOnlyList<string> Prune(JsonObject root, JsonObject schema)
    {
        var pruned = new List<string>();
        PruneObject(root, schema, string.Empty, pruned, isRoot: true);
        return pruned;
    }

    private static void PruneNode(JsonNode? node, JsonObject schema, string path, List<string> pruned)
    {
        switch (node)
        {
            case JsonObject obj:
                PruneObject(obj, schema, path, pruned, isRoot: false);
                break;
            case JsonArray array when schema.Items() is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    PruneNode(array[i], items, SchemaKeywords.Index(path, i), pruned);
                }

                break;
        }
    }

    private static void PruneObject(JsonObject obj, JsonObject schema, string path, List<string> pruned, bool isRoot)
    {
        var properties = schema.Properties();
        var additional = schema.AdditionalProperties();
        var keepUnknown = schema.PreservesUnknownFields() || schema.AllowsAnyAdditionalProperty();
        foreach (var (name, value) in obj.ToList())
        {
            var childPath = SchemaKeywords.Child(path, name);
            if ((isRoot || schema.EmbeddedResource()) && RootExempt.Contains(name))
            {
                continue;
            }

            if (properties?[name] is JsonObject propertySchema)
            {
                PruneNode(value, propertySchema, childPath, pruned);
            }
            else if (additional is not null)
            {
                PruneNode(value, additional, childPath, pruned);
            }
            else if (!keepUnknown && (properties is not null || schema.Type() == "object" || isRoot))
            {
                obj.Remove(name);
                pruned.Add(childPath);
            }
        }
    }
}

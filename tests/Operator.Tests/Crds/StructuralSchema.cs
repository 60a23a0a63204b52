using System.Text.Json.Nodes;

namespace EcsOperator.Tests.Crds;

/// <summary>
/// Checks the structural-schema rules the API server enforces on CRDs (every node typed, properties and
/// additionalProperties never together) and that every field documents itself for kubectl explain.
/// </summary>
internal static class StructuralSchema
{
    public static List<string> Problems(JsonObject schema)
    {
        var problems = new List<string>();
        Walk(schema, "openAPIV3Schema", problems, isRoot: true);
        return problems;
    }

    private static void Walk(JsonObject node, string path, List<string> problems, bool isRoot)
    {
        if (node["type"] is null)
        {
            problems.Add($"{path} has no type");
        }

        if (node["properties"] is not null && node["additionalProperties"] is not null)
        {
            problems.Add($"{path} has both properties and additionalProperties");
        }

        if (node["additionalProperties"] is JsonValue)
        {
            problems.Add($"{path} has a boolean additionalProperties");
        }

        if (node["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                var childPath = $"{path}.{name}";
                if (child is not JsonObject childNode)
                {
                    problems.Add($"{childPath} is not a schema");
                    continue;
                }

                if (!(isRoot && name is "metadata") && string.IsNullOrWhiteSpace((string?)childNode["description"]))
                {
                    problems.Add($"{childPath} has no description");
                }

                Walk(childNode, childPath, problems, isRoot: false);
            }
        }

        if (node["items"] is JsonObject items)
        {
            Walk(items, path + "[]", problems, isRoot: false);
        }

        if (node["additionalProperties"] is JsonObject values)
        {
            Walk(values, path + "{}", problems, isRoot: false);
        }
    }
}

using System.Text.Json.Nodes;
using LocalKube.Registry;

namespace LocalKube.OpenApi;

/// <summary>Builds the OpenAPI v3 document of one group-version (what /openapi/v3/apis/&lt;g&gt;/&lt;v&gt; serves).</summary>
public static class OpenApiDocumentBuilder
{
    public static JsonObject Build(IEnumerable<ResourceType> typesInGroupVersion, string serverVersion)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var type in typesInGroupVersion.OrderBy(t => t.Plural, StringComparer.Ordinal))
        {
            foreach (var (path, item) in OpenApiOperations.For(type))
            {
                paths[path] = item;
            }

            schemas[SchemaNames.For(type)] = TypeSchemas.ForKind(type);
            schemas[SchemaNames.ListFor(type)] = TypeSchemas.ForList(type);
        }

        foreach (var (name, schema) in MetaSchemas.All())
        {
            schemas[name] = schema;
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = serverVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    /// <summary>The index key of a group-version: "api/v1" or "apis/&lt;group&gt;/&lt;version&gt;".</summary>
    public static string IndexKey(string group, string version) => group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
}

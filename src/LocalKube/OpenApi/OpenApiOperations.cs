using System.Text.Json.Nodes;
using LocalKube.Registry;

namespace LocalKube.OpenApi;

/// <summary>Builds the path items (operations with x-kubernetes-action and x-kubernetes-group-version-kind) for one resource.</summary>
internal static class OpenApiOperations
{
    private static readonly string[] JsonTypes = ["application/json", "application/yaml"];

    public static IEnumerable<(string Path, JsonObject Item)> For(ResourceType type)
    {
        var root = type.Group.Length == 0 ? $"/api/{type.Version}" : $"/apis/{type.Group}/{type.Version}";
        var scoped = type.Namespaced ? $"{root}/namespaces/{{namespace}}/{type.Plural}" : $"{root}/{type.Plural}";
        var scopeParams = type.Namespaced ? new JsonArray(NamespaceParam()) : [];

        var collection = Item(scopeParams);
        collection["get"] = Op(type, "list", "list", type.ListKind, OpenApiParameters.ForList(), null, SchemaNames.ListFor(type));
        collection["post"] = Op(type, "create", "post", type.Kind, OpenApiParameters.ForWrite(isPatch: false), Body(SchemaNames.For(type), JsonTypes), SchemaNames.For(type));
        collection["delete"] = Op(type, "deletecollection", "deletecollection", "Collection", OpenApiParameters.ForList(), null, SchemaNames.Status);
        yield return (scoped, collection);

        yield return ($"{scoped}/{{name}}", ObjectItem(type, scopeParams, status: false));
        if (type.HasStatusSubresource)
        {
            yield return ($"{scoped}/{{name}}/status", ObjectItem(type, scopeParams, status: true));
        }

        if (type.Namespaced)
        {
            var all = Item([]);
            all["get"] = Op(type, "listForAllNamespaces", "list", type.ListKind, OpenApiParameters.ForList(), null, SchemaNames.ListFor(type));
            yield return ($"{root}/{type.Plural}", all);
        }
    }

    private static JsonObject ObjectItem(ResourceType type, JsonArray scopeParams, bool status)
    {
        var suffix = status ? "Status" : string.Empty;
        var item = Item(new JsonArray([OpenApiParameters.Path("name", $"name of the {type.Kind}"), .. scopeParams.Select(p => p!.DeepClone())]));
        var schema = SchemaNames.For(type);
        item["get"] = Op(type, "read" + suffix, "get", type.Kind, [], null, schema);
        item["put"] = Op(type, "replace" + suffix, "put", type.Kind, OpenApiParameters.ForWrite(isPatch: false), Body(schema, JsonTypes), schema);
        item["patch"] = Op(type, "patch" + suffix, "patch", type.Kind, OpenApiParameters.ForWrite(isPatch: true), Body(SchemaNames.Patch, PatchTypes()), schema);
        if (!status)
        {
            item["delete"] = Op(type, "delete", "delete", type.Kind, [], Body(SchemaNames.DeleteOptions, JsonTypes), SchemaNames.Status);
        }

        return item;
    }

    /// <summary>
    /// Strategic merge patch is never advertised: custom resources do not support it (kubectl then sends JSON merge
    /// patches, as against a real cluster), and the built-ins here have no schema for kubectl to compute it from, so
    /// kubectl computes it from its compiled-in types instead. LocalKube still accepts it for built-ins.
    /// </summary>
    private static string[] PatchTypes() =>
        ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"];

    private static JsonObject Item(JsonArray parameters)
    {
        var item = new JsonObject();
        parameters.Add(OpenApiParameters.Query("pretty", "string", "If 'true', then the output is pretty printed."));
        item["parameters"] = parameters;
        return item;
    }

    private static JsonNode NamespaceParam() => OpenApiParameters.Path("namespace", "object name and auth scope, such as for teams and projects");

    private static JsonObject Body(string schema, string[] contentTypes)
    {
        var content = new JsonObject();
        foreach (var contentType in contentTypes)
        {
            content[contentType] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = SchemaNames.Ref(schema) } };
        }

        return new JsonObject { ["content"] = content, ["required"] = true };
    }

    private static JsonObject Op(ResourceType type, string verb, string action, string subject, JsonArray parameters, JsonObject? body, string responseSchema)
    {
        var op = new JsonObject
        {
            ["tags"] = new JsonArray(Tag(type)),
            ["description"] = $"{verb} {subject}",
            ["operationId"] = $"{verb}{(type.Namespaced && verb != "listForAllNamespaces" ? "Namespaced" : string.Empty)}{type.Kind}",
            ["parameters"] = parameters,
        };
        if (body is not null)
        {
            op["requestBody"] = body;
        }

        op["responses"] = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "OK",
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = SchemaNames.Ref(responseSchema) } } },
            },
            ["401"] = new JsonObject { ["description"] = "Unauthorized" },
        };
        op["x-kubernetes-action"] = action;
        op["x-kubernetes-group-version-kind"] = Gvk(type);
        return op;
    }

    private static string Tag(ResourceType type) =>
        (type.Group.Length == 0 ? "core" : type.Group.Replace('.', '_')) + "_" + type.Version;

    public static JsonObject Gvk(ResourceType type) => new()
    {
        ["group"] = type.Group,
        ["kind"] = type.Kind,
        ["version"] = type.Version,
    };
}

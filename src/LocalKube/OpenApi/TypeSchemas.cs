using System.Text.Json.Nodes;
using LocalKube.Registry;

namespace LocalKube.OpenApi;

/// <summary>
/// The component schema of one kind and of its list, tagged with x-kubernetes-group-version-kind (what kubectl
/// explain and kubectl apply look up). A CRD's openAPIV3Schema is published as is, with metadata pointing at
/// ObjectMeta and apiVersion/kind described, as the apiextensions apiserver publishes it.
/// </summary>
internal static class TypeSchemas
{
    public static JsonObject ForKind(ResourceType type)
    {
        var schema = type.Schema?.DeepClone().AsObject()
            ?? new JsonObject
            {
                ["description"] = $"{type.Kind} is stored by LocalKube without a schema.",
                ["type"] = "object",
                ["x-kubernetes-preserve-unknown-fields"] = true,
            };
        schema["type"] ??= "object";
        var properties = schema["properties"] as JsonObject ?? [];
        schema["properties"] = properties;
        properties["apiVersion"] = MetaSchemas.Str(MetaSchemas.ApiVersionDescription);
        properties["kind"] = MetaSchemas.Str(MetaSchemas.KindDescription);
        properties["metadata"] = MetaSchemas.Ref(SchemaNames.ObjectMeta, MetaSchemas.MetadataDescription);
        schema["x-kubernetes-group-version-kind"] = new JsonArray(OpenApiOperations.Gvk(type));
        return schema;
    }

    public static JsonObject ForList(ResourceType type) => new()
    {
        ["description"] = $"{type.ListKind} is a list of {type.Kind}",
        ["type"] = "object",
        ["required"] = new JsonArray("items"),
        ["properties"] = new JsonObject
        {
            ["apiVersion"] = MetaSchemas.Str(MetaSchemas.ApiVersionDescription),
            ["items"] = new JsonObject
            {
                ["description"] = $"List of {type.Plural}.",
                ["type"] = "array",
                ["items"] = new JsonObject { ["$ref"] = SchemaNames.Ref(SchemaNames.For(type)) },
            },
            ["kind"] = MetaSchemas.Str(MetaSchemas.KindDescription),
            ["metadata"] = MetaSchemas.Ref(SchemaNames.ListMeta, "Standard list metadata."),
        },
        ["x-kubernetes-group-version-kind"] = new JsonArray(new JsonObject
        {
            ["group"] = type.Group,
            ["kind"] = type.ListKind,
            ["version"] = type.Version,
        }),
    };
}

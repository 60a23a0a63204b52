using System.Text.Json.Nodes;

namespace LocalKube.Validation;

/// <summary>
/// Applies the schema's <c>default</c> values to absent fields of objects that are present, top-down, and
/// drops nulls the schema does not allow (replacing them with the default where there is one), as the
/// apiextensions apiserver does on create and update.
/// </summary>
public static class SchemaDefaulter
{
    public static void Apply(JsonObject root, JsonObject schema) => DefaultNode(root, schema);

    private static void DefaultNode(JsonNode? node, JsonObject schema)
    {
        switch (node)
        {
            case JsonObject obj:
                DefaultObject(obj, schema);
                break;
            case JsonArray array when schema.Items() is { } items:
                foreach (var item in array)
                {
                    DefaultNode(item, items);
                }

                break;
        }
    }

    private static void DefaultObject(JsonObject obj, JsonObject schema)
    {
        if (schema.Properties() is { } properties)
        {
            foreach (var (name, propertyNode) in properties)
            {
                if (propertyNode is not JsonObject propertySchema)
                {
                    continue;
                }

                var present = obj.TryGetPropertyValue(name, out var value);
                if (present && value is null && !propertySchema.Flag("nullable"))
                {
                    obj.Remove(name);
                    present = false;
                }

                if (!present && propertySchema["default"] is { } defaultValue)
                {
                    obj[name] = defaultValue.DeepClone();
                }

                if (obj[name] is { } child)
                {
                    DefaultNode(child, propertySchema);
                }
            }
        }

        if (schema.AdditionalProperties() is { } valueSchema)
        {
            foreach (var (_, value) in obj.ToList())
            {
                DefaultNode(value, valueSchema);
            }
        }
    }
}

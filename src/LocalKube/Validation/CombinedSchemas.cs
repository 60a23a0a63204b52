using System.Text.Json.Nodes;

namespace LocalKube.Validation;

/// <summary>
/// allOf, anyOf, oneOf and not. In a structural schema these carry only value validations (required,
/// enum, bounds), so each branch is checked against the same value and its errors are counted.
/// </summary>
internal static class CombinedSchemas
{
    public static void Check(JsonNode? node, JsonObject schema, string path, List<FieldError> errors)
    {
        foreach (var branch in schema.SubSchemas("allOf"))
        {
            errors.AddRange(BranchErrors(node, branch, path));
        }

        var anyOf = schema.SubSchemas("anyOf").ToList();
        if (anyOf.Count > 0 && anyOf.All(b => BranchErrors(node, b, path).Count > 0))
        {
            errors.Add(FieldError.Invalid(path, Describe(node), $"{path} in body must validate at least one schema (anyOf)"));
        }

        var oneOf = schema.SubSchemas("oneOf").ToList();
        if (oneOf.Count > 0 && oneOf.Count(b => BranchErrors(node, b, path).Count == 0) != 1)
        {
            errors.Add(FieldError.Invalid(path, Describe(node), $"{path} in body must validate one and only one schema (oneOf)"));
        }

        if (schema["not"] is JsonObject not && BranchErrors(node, not, path).Count == 0)
        {
            errors.Add(FieldError.Invalid(path, Describe(node), $"{path} in body must not validate the schema (not)"));
        }
    }

    private static List<FieldError> BranchErrors(JsonNode? node, JsonObject branch, string path)
    {
        var probe = new JsonObject { ["v"] = node?.DeepClone() };
        var wrapper = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["v"] = branch.DeepClone() } };
        var found = SchemaValueValidator.Validate(probe, wrapper);
        return found.Select(e => e with { Field = path + e.Field[1..] }).ToList();
    }

    private static object? Describe(JsonNode? node) => node is JsonValue ? FieldError.ScalarOf(node) : string.Empty;
}

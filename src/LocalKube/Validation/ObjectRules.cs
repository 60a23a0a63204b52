using System.Text.Json.Nodes;

namespace LocalKube.Validation;

/// <summary>minProperties and maxProperties on objects, with kube-openapi's messages.</summary>
internal static class ObjectRules
{
    public static void CheckPropertyCounts(JsonObject obj, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema.Long("maxProperties") is { } max && obj.Count > max)
        {
            errors.Add(FieldError.TooMany(path, obj.Count, max));
        }

        if (schema.Long("minProperties") is { } min && obj.Count < min)
        {
            errors.Add(FieldError.Invalid(path, (long)obj.Count, $"{path} in body should have at least {min} properties"));
        }
    }
}

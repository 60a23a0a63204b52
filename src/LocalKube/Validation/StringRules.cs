using System.Globalization;
using System.Text.Json.Nodes;

namespace LocalKube.Validation;

/// <summary>minLength, maxLength and pattern on string values, with kube-openapi's messages.</summary>
internal static class StringRules
{
    public static void Check(string value, JsonObject schema, string path, List<FieldError> errors)
    {
        var length = new StringInfo(value).LengthInTextElements;
        if (schema.Long("maxLength") is { } max && length > max)
        {
            errors.Add(FieldError.TooLong(path, max));
        }

        if (schema.Long("minLength") is { } min && length < min)
        {
            errors.Add(FieldError.Invalid(path, value, $"{path} in body should be at least {min} chars long"));
        }

        if (schema["pattern"]?.GetValue<string>() is { } pattern && !SchemaValueValidator.MatchesPattern(value, pattern))
        {
            errors.Add(FieldError.Invalid(path, value, $"{path} in body should match '{pattern}'"));
        }
    }
}

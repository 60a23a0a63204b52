using System.Text.Json.Nodes;

namespace LocalKube.Validation;

/// <summary>minimum, maximum (inclusive or exclusive) and multipleOf on numbers, with kube-openapi's messages.</summary>
internal static class NumberRules
{
    public static void Check(JsonValue value, JsonObject schema, string path, List<FieldError> errors)
    {
        JsonNumbers.TryGetDouble(value, out var number);
        var bad = FieldError.ScalarOf(value);
        if (schema.Double("maximum") is { } max)
        {
            var exclusive = schema.Flag("exclusiveMaximum");
            if (exclusive ? number >= max : number > max)
            {
                var relation = exclusive ? "less than" : "less than or equal to";
                errors.Add(FieldError.Invalid(path, bad, $"{path} in body should be {relation} {GoFormat.Number(max)}"));
            }
        }

        if (schema.Double("minimum") is { } min)
        {
            var exclusive = schema.Flag("exclusiveMinimum");
            if (exclusive ? number <= min : number < min)
            {
                var relation = exclusive ? "greater than" : "greater than or equal to";
                errors.Add(FieldError.Invalid(path, bad, $"{path} in body should be {relation} {GoFormat.Number(min)}"));
            }
        }

        if (schema.Double("multipleOf") is { } factor && factor > 0 && Math.Abs(Math.IEEERemainder(number, factor)) > 1e-9)
        {
            errors.Add(FieldError.Invalid(path, bad, $"{path} in body should be a multiple of {GoFormat.Number(factor)}"));
        }
    }
}

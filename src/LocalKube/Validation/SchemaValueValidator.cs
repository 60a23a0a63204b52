using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LocalKube.Serialization;

namespace LocalKube.Validation;

/// <summary>
/// Checks a (pruned, defaulted) object against a structural schema: types, required, enum, bounds, lengths,
/// item counts and patterns. Messages follow kube-openapi's texts turned into field errors the way the
/// apiextensions apiserver does. CEL rules (x-kubernetes-validations) are not evaluated.
/// </summary>
public static class SchemaValueValidator
{
    private const string In = "body";

    public static IReadOnlyList<FieldError> Validate(JsonObject root, JsonObject schema)
    {
        var errors = new List<FieldError>();
        ValidateObject(root, schema, string.Empty, errors, isRoot: true);
        return errors;
    }

    private static void ValidateNode(JsonNode? node, JsonObject schema, string path, List<FieldError> errors)
    {
        var actual = JsonTypes.Of(node);
        if (node is null && schema.Flag("nullable"))
        {
            return;
        }

        if (!TypeMatches(schema, actual, node, path, errors))
        {
            return;
        }

        CheckEnum(node, schema, path, errors);
        CombinedSchemas.Check(node, schema, path, errors);
        switch (node)
        {
            case JsonObject obj:
                ValidateObject(obj, schema, path, errors, isRoot: false);
                break;
            case JsonArray array:
                ValidateArray(array, schema, path, errors);
                break;
            case JsonValue value when actual == "string":
                StringRules.Check(value.ToString(), schema, path, errors);
                break;
            case JsonValue value when actual is "integer" or "number":
                NumberRules.Check(value, schema, path, errors);
                break;
        }
    }

    private static bool TypeMatches(JsonObject schema, string actual, JsonNode? node, string path, List<FieldError> errors)
    {
        string expected;
        if (schema.IntOrString())
        {
            if (actual is "integer" or "string")
            {
                return true;
            }

            expected = "integer,string";
        }
        else
        {
            expected = schema.Type() ?? string.Empty;
            if (expected.Length == 0 || JsonTypes.Satisfies(expected, actual))
            {
                return true;
            }
        }

        _ = node;
        errors.Add(FieldError.TypeInvalid(path, actual, $"{path} in {In} must be of type {expected}: {GoFormat.Quote(actual)}"));
        return false;
    }

    private static void CheckEnum(JsonNode? node, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["enum"] is not JsonArray allowed || allowed.Count == 0)
        {
            return;
        }

        if (allowed.Any(a => JsonNode.DeepEquals(a, node)))
        {
            return;
        }

        var supported = allowed.Select(a => JsonNumbers.TryGetString(a, out var s) ? s : a?.ToJsonString() ?? "null");
        errors.Add(FieldError.NotSupported(path, FieldError.ScalarOf(node), supported));
    }

    private static void ValidateObject(JsonObject obj, JsonObject schema, string path, List<FieldError> errors, bool isRoot)
    {
        foreach (var name in schema.Required())
        {
            if (!obj.ContainsKey(name) || (obj[name] is null && !(schema.Property(name)?.Flag("nullable") ?? false)))
            {
                errors.Add(FieldError.Required(SchemaKeywords.Child(path, name)));
            }
        }

        ObjectRules.CheckPropertyCounts(obj, schema, path, errors);
        foreach (var (name, value) in obj)
        {
            if (isRoot && name is "metadata" or "apiVersion" or "kind")
            {
                continue;
            }

            var childSchema = schema.Property(name) ?? schema.AdditionalProperties();
            if (childSchema is not null)
            {
                ValidateNode(value, childSchema, SchemaKeywords.Child(path, name), errors);
            }
        }
    }

    private static void ValidateArray(JsonArray array, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema.Long("maxItems") is { } max && array.Count > max)
        {
            errors.Add(FieldError.TooMany(path, array.Count, max));
        }

        if (schema.Long("minItems") is { } min && array.Count < min)
        {
            errors.Add(FieldError.Invalid(path, (long)array.Count, $"{path} in {In} should have at least {min} items"));
        }

        if (schema.Flag("uniqueItems") && array.Select(i => i is null ? null : JsonLimits.Write(i)).Distinct().Count() != array.Count)
        {
            errors.Add(FieldError.Invalid(path, string.Empty, $"{path} in {In} shouldn't contain duplicates"));
        }

        if (schema.Items() is not { } items)
        {
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            ValidateNode(array[i], items, SchemaKeywords.Index(path, i), errors);
        }
    }

    /// <summary>Pattern rules use ECMA syntax; .NET's ECMAScript option is close enough for CRD patterns.</summary>
    internal static bool MatchesPattern(string value, string pattern)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return true; // an unparsable pattern is the CRD author's problem; a real server rejects the CRD instead
        }
    }
}

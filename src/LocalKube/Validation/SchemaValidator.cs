using System.Text.Json.Nodes;

namespace LocalKube.Validation;

/// <summary>What validating one object against its CRD schema found.</summary>
/// <param name="Errors">Field errors; any error means the write is rejected with 422 Invalid.</param>
/// <param name="UnknownFields">Fields the schema does not declare; they were pruned from the object.</param>
public sealed record SchemaValidationResult(IReadOnlyList<FieldError> Errors, IReadOnlyList<string> UnknownFields)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The Warning header texts for fieldValidation=Warn (kubectl prints "Warning: unknown field ...").</summary>
    public IEnumerable<string> Warnings => UnknownFields.Select(f => $"unknown field {GoFormat.Quote(f)}");
}

/// <summary>
/// The create/update pipeline of the apiextensions apiserver for one custom object: prune unknown fields,
/// apply defaults, validate. It mutates the object in place, so the caller stores exactly what it validated.
/// </summary>
public static class SchemaValidator
{
    public static SchemaValidationResult Validate(JsonObject obj, JsonObject? openApiV3Schema)
    {
        if (openApiV3Schema is null)
        {
            return new SchemaValidationResult([], []);
        }

        var unknown = StructuralPruner.Prune(obj, openApiV3Schema);
        SchemaDefaulter.Apply(obj, openApiV3Schema);
        var errors = SchemaValueValidator.Validate(obj, openApiV3Schema);
        return new SchemaValidationResult(errors, unknown);
    }
}

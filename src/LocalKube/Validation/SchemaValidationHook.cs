using LocalKube.Extensibility;
using LocalKube.Server;

namespace LocalKube.Validation;

/// <summary>
/// Plugs CRD schema handling into every create and update of a custom object: prune, default, validate.
/// Unknown fields fail the write under fieldValidation=Strict (400, the strict decoder's text), become
/// Warning headers under Warn, and are dropped silently under Ignore. Field errors reject it with 422 Invalid.
/// </summary>
public sealed class SchemaValidationHook : IObjectValidator
{
    public ValidationResult Validate(ObjectValidationContext context)
    {
        if (!context.Type.IsCustom || context.Type.Schema is null)
        {
            return ValidationResult.Ok;
        }

        var found = SchemaValidator.Validate(context.Object, context.Type.Schema);
        if (found.UnknownFields.Count > 0 && context.FieldValidation == FieldValidationMode.Strict)
        {
            throw new ApiException(ValidationStatus.StrictUnknownFields(context.Type.Kind, context.Type.Version, found.UnknownFields));
        }

        var result = new ValidationResult();
        result.Errors.AddRange(found.Errors.Select(e => new FieldCause(e.CauseType, e.Field, e.ErrorBody())));
        if (context.FieldValidation == FieldValidationMode.Warn)
        {
            result.Warnings.AddRange(found.Warnings);
        }

        return result;
    }
}

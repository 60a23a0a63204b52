using System.Text.Json.Nodes;
using LocalKube.Registry;

namespace LocalKube.Extensibility;

/// <summary>
/// A hook run on every create and update (main resource and status), inside the store's lock, after LocalKube has
/// set the server-owned metadata (uid, resourceVersion, generation, timestamps) and applied status isolation.
/// It may mutate <see cref="ObjectValidationContext.Object"/> (apply schema defaults, prune unknown fields, write
/// managedFields) and returns errors (the write is rejected with 422 Invalid naming each field) and warnings.
/// Validators run in registration order; the default set is empty.
/// </summary>
public interface IObjectValidator
{
    ValidationResult Validate(ObjectValidationContext context);
}

/// <summary>What a validator sees.</summary>
public sealed class ObjectValidationContext
{
    public required ResourceType Type { get; init; }

    public required WriteOperation Operation { get; init; }

    /// <summary>The object about to be stored; validators may change it.</summary>
    public required JsonObject Object { get; init; }

    /// <summary>The stored object before this write (null on create). Do not modify.</summary>
    public JsonObject? OldObject { get; init; }

    public FieldValidationMode FieldValidation { get; init; } = FieldValidationMode.Strict;

    /// <summary>The <c>fieldManager</c> query parameter, or the value the server derives from the user agent.</summary>
    public string? FieldManager { get; init; }

    /// <summary>The patch content type when the write came from a PATCH (e.g. <c>application/apply-patch+yaml</c>).</summary>
    public string? PatchType { get; init; }
}

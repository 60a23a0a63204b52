using LocalKube.Extensibility;

namespace LocalKube.Apply;

/// <summary>
/// Records managedFields (operation Update) for every write that is not a server-side apply, so that a later
/// apply by another manager conflicts exactly as on a real server.
/// </summary>
public sealed class ManagedFieldsHook(TimeProvider time) : IObjectValidator
{
    public ValidationResult Validate(ObjectValidationContext context)
    {
        if (context.PatchType == ApplyPatchHandler.MediaType)
        {
            return ValidationResult.Ok;
        }

        var subresource = context.Operation == WriteOperation.UpdateStatus ? "status" : string.Empty;
        UpdateTracker.Track(context.OldObject, context.Object, context.FieldManager ?? "unknown", context.Type.ApiVersion, subresource, time.GetUtcNow());
        return ValidationResult.Ok;
    }
}

using System.Text.Json.Nodes;
using LocalKube.Registry;

namespace LocalKube.Extensibility;

/// <summary>
/// Applies one patch content type (<c>Content-Type</c> of a PATCH). LocalKube registers merge-patch and json-patch;
/// strategic-merge-patch and apply-patch (server-side apply) plug in here. Runs inside the store's lock; after it
/// returns, the result goes through the normal update (or create) path: status isolation, resourceVersion
/// precondition when the result carries one, generation, validators.
/// </summary>
public interface IPatchHandler
{
    /// <summary>The media type without parameters, e.g. <c>application/merge-patch+json</c>.</summary>
    string ContentType { get; }

    /// <summary>
    /// Returns the patched object. <see cref="PatchContext.Current"/> is null when the object does not exist: return null
    /// for a 404 (merge and json patches), or an object to create it (server-side apply). Throw
    /// <see cref="Server.ApiException"/> to answer with a Status (for example 409 apply conflicts, 422 bad patches).
    /// </summary>
    JsonObject? Apply(PatchContext context);
}

/// <summary>What a patch handler sees.</summary>
public sealed class PatchContext
{
    public required ResourceType Type { get; init; }

    public required string Name { get; init; }

    public required string Namespace { get; init; }

    /// <summary>A private copy of the stored object (apiVersion set to the request's version), or null when absent.</summary>
    public JsonObject? Current { get; init; }

    /// <summary>The raw request body.</summary>
    public required string Body { get; init; }

    /// <summary>Which part is patched: null for the main resource, "status" for the status subresource.</summary>
    public string? Subresource { get; init; }

    public string? FieldManager { get; init; }

    /// <summary>The <c>force</c> query parameter (server-side apply).</summary>
    public bool Force { get; init; }

    public FieldValidationMode FieldValidation { get; init; } = FieldValidationMode.Strict;
}

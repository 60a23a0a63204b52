using System.Text.Json;
using System.Text.Json.Nodes;
using LocalKube.Extensibility;
using LocalKube.Serialization;
using LocalKube.Server;

namespace LocalKube.StrategicMerge;

/// <summary>
/// The <c>application/strategic-merge-patch+json</c> PATCH for built-ins (kubectl client-side apply, label,
/// annotate and patch use it there). Custom resources refuse it with 415, as a real apiserver does.
/// </summary>
public sealed class StrategicMergePatchHandler : IPatchHandler
{
    public string ContentType => "application/strategic-merge-patch+json";

    public JsonObject? Apply(PatchContext context)
    {
        if (context.Type.IsCustom)
        {
            throw new ApiException(Statuses.Failure(
                415,
                "UnsupportedMediaType",
                "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"));
        }

        if (context.Current is null)
        {
            return null;
        }

        try
        {
            var patch = JsonLimits.Parse(context.Body) as JsonObject ?? throw Statuses.BadRequest("a strategic merge patch must be a JSON object");
            return StrategicMergePatch.Apply(context.Current, patch);
        }
        catch (JsonException e)
        {
            throw Statuses.BadRequest($"error decoding patch: {e.Message}");
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using LocalKube.Extensibility;
using LocalKube.Serialization;
using LocalKube.Server;

namespace LocalKube.Apply;

/// <summary>
/// The <c>application/apply-patch+yaml</c> PATCH (server-side apply): parses the applied configuration (JSON or
/// YAML), creates the object when absent, and answers conflicts with the apiserver's 409 Status.
/// </summary>
public sealed class ApplyPatchHandler(TimeProvider time) : IPatchHandler
{
    public const string MediaType = "application/apply-patch+yaml";

    public string ContentType => MediaType;

    public JsonObject? Apply(PatchContext context)
    {
        if (string.IsNullOrEmpty(context.FieldManager))
        {
            throw Statuses.BadRequest("PATCH, application/apply-patch+yaml requires fieldManager to be set");
        }

        var applied = Parse(context.Body);
        var metadata = applied["metadata"] as JsonObject ?? [];
        applied["metadata"] = metadata;
        metadata["name"] ??= context.Name;
        if (context.Namespace.Length > 0)
        {
            metadata["namespace"] ??= context.Namespace;
        }

        var request = new ApplyRequest(applied, context.FieldManager, context.Type.ApiVersion, context.Force, context.Subresource ?? string.Empty, time.GetUtcNow());
        try
        {
            return ServerSideApply.Apply(context.Current, request);
        }
        catch (ApplyConflictException e)
        {
            throw new ApiException(e.Status);
        }
    }

    private static JsonObject Parse(string body)
    {
        try
        {
            var trimmed = body.TrimStart();
            if (trimmed.StartsWith('{'))
            {
                return JsonLimits.Parse(body) as JsonObject ?? throw Statuses.BadRequest("the apply body must be an object");
            }

            return YamlJson.ParseDocuments(body).SingleOrDefault() ?? throw Statuses.BadRequest("the apply body must hold exactly one object");
        }
        catch (JsonException e)
        {
            throw Statuses.BadRequest($"error decoding YAML: {e.Message}");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw Statuses.BadRequest($"error decoding YAML: {e.Message}");
        }
    }
}

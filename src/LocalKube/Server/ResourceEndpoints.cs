using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalKube.Faults;
using LocalKube.Selectors;
using LocalKube.Serialization;
using LocalKube.Storage;
using LocalKube.Watch;
using Microsoft.AspNetCore.Http;

namespace LocalKube.Server;

/// <summary>Maps HTTP verbs on resource URLs to <see cref="ResourceService"/> calls and writes the answers.</summary>
public sealed class ResourceEndpoints(ResourceService service, ResponseWriter writer, WatchEndpoint watch, LocalKubeFaults faults)
{
    public async Task HandleAsync(HttpContext context, ApiPath path)
    {
        var method = context.Request.Method;
        var query = new RequestQuery(context.Request.Query, context.Request.Headers.UserAgent.ToString());
        if (!HttpMethods.IsGet(method) && faults.TakeWriteFailure(path.Subresource == "status") is { } code)
        {
            throw code == 409
                ? Statuses.Conflict(path.Type, path.Name ?? string.Empty, "injected fault")
                : new ApiException(Statuses.InternalError("injected fault"));
        }

        if (faults.TakeRandomFailure())
        {
            throw new ApiException(Statuses.InternalError("injected fault (random)"));
        }

        if (path.Subresource is not null && (path.Subresource != "status" || !path.Type.HasStatusSubresource))
        {
            throw Statuses.NotFoundPath(context.Request.Path.Value ?? string.Empty);
        }

        await (method switch
        {
            "GET" when path.IsCollection && query.IsWatch => watch.ServeAsync(context, path, query),
            "GET" when path.IsCollection => ListAsync(context, path, query),
            "GET" => writer.WriteReadAsync(context, path.Type, service.Get(path.Type, path.Namespace, path.Name!), false, query),
            "POST" when path.IsCollection && path.Subresource is null => CreateAsync(context, path, query),
            "PUT" when !path.IsCollection => UpdateAsync(context, path, query),
            "PATCH" when !path.IsCollection => PatchAsync(context, path, query),
            "DELETE" when !path.IsCollection && path.Subresource is null => DeleteAsync(context, path, query),
            "DELETE" when path.IsCollection => DeleteCollectionAsync(context, path, query),
            _ => throw Statuses.MethodNotAllowed(method),
        });
    }

    public static WatchFilter Filter(ApiPath path, RequestQuery query) => new(
        path.Type.StorageResource,
        path.Type.Namespaced ? path.Namespace : null,
        LabelSelector.Parse(query.Get("labelSelector")),
        FieldSelector.Parse(query.Get("fieldSelector")));

    private Task ListAsync(HttpContext context, ApiPath path, RequestQuery query)
    {
        var list = service.List(path.Type, path.Namespace, Filter(path, query), query.Int("limit"), query.Get("continue"));
        return writer.WriteReadAsync(context, path.Type, list, true, query);
    }

    private async Task CreateAsync(HttpContext context, ApiPath path, RequestQuery query)
    {
        var body = await ReadObjectAsync(context, path.Type.Kind);
        var result = service.Create(path.Type, path.Namespace, body, query.WriteOptions());
        await ResponseWriter.WriteAsync(context, 201, result.Object, warnings: result.Warnings);
    }

    private async Task UpdateAsync(HttpContext context, ApiPath path, RequestQuery query)
    {
        var body = await ReadObjectAsync(context, path.Type.Kind);
        var result = service.Update(path.Type, path.Namespace, path.Name!, body, path.Subresource, query.WriteOptions());
        await ResponseWriter.WriteAsync(context, 200, result.Object, warnings: result.Warnings);
    }

    private async Task PatchAsync(HttpContext context, ApiPath path, RequestQuery query)
    {
        var body = await ReadTextAsync(context);
        var result = service.Patch(path.Type, path.Namespace, path.Name!, context.Request.ContentType, body, path.Subresource, query.WriteOptions());
        await ResponseWriter.WriteAsync(context, result.Created ? 201 : 200, result.Object, warnings: result.Warnings);
    }

    private async Task DeleteAsync(HttpContext context, ApiPath path, RequestQuery query)
    {
        var options = await ReadDeleteOptionsAsync(context);
        var dryRun = query.Get("dryRun") is "All" || (options?["dryRun"] as JsonArray)?.Any(v => v?.ToString() == "All") == true;
        var preconditions = options?["preconditions"] is JsonObject p
            ? new DeletePreconditions(Meta.Str(p["uid"]), Meta.Str(p["resourceVersion"]))
            : null;
        var result = service.Deletion.Delete(path.Type, path.Namespace, path.Name!, preconditions, dryRun);
        var answer = result.Removed && !path.Type.IsCustom && !BuiltInBehaviour.IsNamespace(path.Type)
            ? Statuses.Success(path.Type, path.Name!, Meta.Uid(result.Object))
            : result.Object;
        await ResponseWriter.WriteAsync(context, 200, answer);
    }

    private async Task DeleteCollectionAsync(HttpContext context, ApiPath path, RequestQuery query)
    {
        var list = service.List(path.Type, path.Namespace, Filter(path, query), 0, null);
        foreach (var item in (list["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            try
            {
                service.Deletion.Delete(path.Type, Meta.Namespace(item), Meta.Name(item)!, null, query.Get("dryRun") is "All");
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Deleted concurrently: that is what was asked for.
            }
        }

        await ResponseWriter.WriteAsync(context, 200, list);
    }

    private static async Task<string> ReadTextAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    private static bool IsProtobuf(HttpContext context) =>
        context.Request.ContentType?.Contains("protobuf", StringComparison.OrdinalIgnoreCase) == true;

    private static async Task<byte[]> ReadBytesAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    internal static async Task<JsonObject> ReadObjectAsync(HttpContext context, string? kind = null)
    {
        if (IsProtobuf(context))
        {
            return ProtobufBodies.Decode(await ReadBytesAsync(context));
        }

        var text = await ReadTextAsync(context);
        try
        {
            if (context.Request.ContentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true)
            {
                var documents = YamlJson.ParseDocuments(text);
                return documents.Count > 0 ? documents[0] : throw Statuses.BadRequest("the request body is empty");
            }

            return JsonLimits.Parse(text) as JsonObject ?? throw Statuses.BadRequest("the request body must be a JSON object");
        }
        catch (JsonException e) when (e.Message == JsonLimits.DepthExceeded)
        {
            // kube-apiserver's words: its decoder fails while looking for apiVersion and kind.
            var summary = text.Length > 30 ? $"{text[..30]} ..." : text;
            throw Statuses.BadRequest($"the object provided is unrecognized (must be of type {kind ?? "Object"}): couldn't get version/kind; json parse error: {e.Message} ({summary})");
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            throw Statuses.BadRequest($"the object provided is unrecognized: {e.Message}");
        }
    }

    private static async Task<JsonObject?> ReadDeleteOptionsAsync(HttpContext context)
    {
        if (IsProtobuf(context))
        {
            var body = await ReadBytesAsync(context);
            return body.Length == 0 ? null : ProtobufBodies.DecodeDeleteOptions(body);
        }

        var text = await ReadTextAsync(context);
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException e)
        {
            throw Statuses.BadRequest($"invalid DeleteOptions: {e.Message}");
        }
    }
}

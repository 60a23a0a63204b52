using System.Text;
using LocalKube.Extensibility;
using Microsoft.AspNetCore.Http;

namespace LocalKube.OpenApi;

/// <summary>
/// Serves <c>/openapi/v3</c> and <c>/openapi/v3/{api/v1|apis/g/v}</c>. <c>/openapi/v2</c> answers 404, as on a
/// cluster that has it disabled: kubectl 1.32 then relies on v3 (field validation, explain) and its compiled-in
/// types (strategic merge for built-ins).
/// </summary>
public sealed class OpenApiEndpoint(OpenApiDocuments documents) : IRequestHandler
{
    private const string Prefix = "/openapi/v3";

    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        var path = (context.Request.Path.Value ?? "/").TrimEnd('/');
        if (!path.StartsWith(Prefix, StringComparison.Ordinal) || !HttpMethods.IsGet(context.Request.Method))
        {
            return false;
        }

        if (path == Prefix)
        {
            context.Response.Headers.CacheControl = "no-cache, private";
            await WriteJsonAsync(context, documents.IndexJson());
            return true;
        }

        if (!path.StartsWith(Prefix + "/", StringComparison.Ordinal)
            || !documents.TryGet(path[(Prefix.Length + 1)..], out var json, out var hash))
        {
            return false;
        }

        context.Response.Headers.ETag = $"\"{hash}\"";
        context.Response.Headers.CacheControl = context.Request.Query.ContainsKey("hash") ? "public, immutable" : "no-cache, private";
        await WriteJsonAsync(context, json);
        return true;
    }

    private static async Task WriteJsonAsync(HttpContext context, string json)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), context.RequestAborted);
    }
}

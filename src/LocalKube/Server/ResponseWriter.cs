using System.Text.Json.Nodes;
using LocalKube.Extensibility;
using LocalKube.Registry;
using LocalKube.Serialization;
using Microsoft.AspNetCore.Http;

namespace LocalKube.Server;

/// <summary>
/// Writes JSON answers and does the content negotiation kubectl and client-go rely on: meta.k8s.io Table (when a
/// renderer is plugged in) and PartialObjectMetadata, else plain JSON.
/// </summary>
public sealed class ResponseWriter(Func<ITableRenderer?> tableRenderer)
{
    public const string Json = "application/json";

    public static async Task WriteAsync(HttpContext context, int code, JsonNode body, string contentType = Json, IEnumerable<string>? warnings = null)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = contentType;
        foreach (var warning in warnings ?? [])
        {
            // RFC 7234 warn-text is a quoted-string: escape backslashes and quotes, as kube-apiserver does.
            var text = warning.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            context.Response.Headers.Append("Warning", $"299 - \"{text}\"");
        }

        await context.Response.WriteAsync(JsonLimits.Write(body), context.RequestAborted);
    }

    public static Task WriteStatusAsync(HttpContext context, ApiException error) =>
        WriteAsync(context, error.Code, error.Status);

    /// <summary>Answers a GET or LIST with the representation the Accept header asks for.</summary>
    public Task WriteReadAsync(HttpContext context, ResourceType type, JsonObject result, bool isList, RequestQuery query)
    {
        var accept = context.Request.Headers.Accept.ToString();
        if (TableVersion(accept) is { } tableVersion && tableRenderer() is { } renderer)
        {
            var table = renderer.Render(new TableRequest
            {
                Type = type,
                List = isList ? result : null,
                Object = isList ? null : result,
                ApiVersion = $"meta.k8s.io/{tableVersion}",
                IncludeObject = query.Get("includeObject") ?? "Metadata",
            });
            return WriteAsync(context, 200, table, $"application/json;as=Table;v={tableVersion};g=meta.k8s.io");
        }

        if (AsksFor(accept, "PartialObjectMetadata") || AsksFor(accept, "PartialObjectMetadataList"))
        {
            return WriteAsync(context, 200, PartialMetadata(result, isList), $"application/json;as={(isList ? "PartialObjectMetadataList" : "PartialObjectMetadata")};v=v1;g=meta.k8s.io");
        }

        return WriteAsync(context, 200, result);
    }

    /// <summary>The Table version ("v1" or "v1beta1") the Accept header asks for first, if any.</summary>
    public static string? TableVersion(string accept)
    {
        foreach (var range in accept.Split(','))
        {
            var p = Parameters(range);
            if (p.GetValueOrDefault("as") == "Table" && p.GetValueOrDefault("g") == "meta.k8s.io" && p.GetValueOrDefault("v") is "v1" or "v1beta1")
            {
                return p["v"];
            }
        }

        return null;
    }

    public ITableRenderer? TableRenderer => tableRenderer();

    private static bool AsksFor(string accept, string kind) =>
        accept.Split(',').Select(Parameters).Any(p => p.GetValueOrDefault("as") == kind && p.GetValueOrDefault("g") == "meta.k8s.io");

    private static Dictionary<string, string> Parameters(string mediaRange) =>
        mediaRange.Split(';').Skip(1)
            .Select(p => p.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .GroupBy(kv => kv[0].Trim())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.Ordinal);

    private static JsonObject PartialMetadata(JsonObject result, bool isList)
    {
        static JsonObject One(JsonNode? o) => new()
        {
            ["kind"] = "PartialObjectMetadata",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = o?["metadata"]?.DeepClone(),
        };

        return isList
            ? new JsonObject
            {
                ["kind"] = "PartialObjectMetadataList",
                ["apiVersion"] = "meta.k8s.io/v1",
                ["metadata"] = result["metadata"]?.DeepClone(),
                ["items"] = new JsonArray((result["items"] as JsonArray ?? []).Select(i => (JsonNode?)One(i)).ToArray()),
            }
            : One(result);
    }
}

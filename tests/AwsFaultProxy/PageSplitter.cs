using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AwsFaultProxy;

/// <summary>
/// Pages an awsJson list response that the upstream returns whole (moto ignores maxResults for ECS ListServices
/// and ListTaskDefinitions). The proxy strips its own nextToken and maxResults, fetches the full list (following
/// any upstream nextToken), and answers with one page plus a nextToken that encodes the next offset.
/// </summary>
internal sealed class PageSplitter(UpstreamForwarder forwarder, ProxyStats stats)
{
    private const string TokenPrefix = "faultproxy:";
    private const int MaxUpstreamPages = 1000;

    private static readonly Dictionary<string, string> KnownListKeys = new(StringComparer.Ordinal)
    {
        ["ListServices"] = "serviceArns",
        ["ListTaskDefinitions"] = "taskDefinitionArns",
        ["ListClusters"] = "clusterArns",
        ["ListTaskDefinitionFamilies"] = "families",
        ["ListTasks"] = "taskArns",
        ["ListContainerInstances"] = "containerInstanceArns",
        ["ListServicesByNamespace"] = "serviceArns",
    };

    public static string EncodeToken(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenPrefix + offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The offset in a proxy-made token, or null when the token is not the proxy's.</summary>
    public static int? DecodeToken(string token)
    {
        var bytes = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, bytes, out var written))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, written);
        return text.StartsWith(TokenPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(TokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : null;
    }

    /// <summary>
    /// The response to send: one page (Paged), or the upstream's own non-200 answer. Null when the call cannot be paged
    /// here (not awsJson, not a JSON object, or a nextToken the proxy did not make); then forward it as is.
    /// </summary>
    public async Task<(HttpResponseMessage Response, bool Paged)?> FetchPageAsync(HttpContext context, AwsOperation operation, FaultRule rule, byte[] body, CancellationToken cancellationToken)
    {
        if (operation.Protocol != AwsProtocol.AwsJson || ParseObject(body) is not { } request || PageWanted(request, rule) is not { } page)
        {
            return null;
        }

        var listKey = rule.ListKey ?? KnownListKeys.GetValueOrDefault(operation.Operation);
        var full = await FetchAllAsync(context, operation, request, listKey, cancellationToken);
        return full.Failed is { } failed
            ? (failed, false)
            : (Page(full.First!, full.Answer!, full.ListKey, full.Items, page.Offset, page.Size), true);
    }

    /// <summary>Reads and strips the proxy's nextToken and maxResults; null when the token is someone else's.</summary>
    private static (int Offset, int Size)? PageWanted(JsonObject request, FaultRule rule)
    {
        var offset = 0;
        if (request["nextToken"] is JsonValue token)
        {
            if (DecodeToken(token.ToString()) is not { } decoded)
            {
                return null;
            }

            offset = decoded;
        }

        var size = request["maxResults"] is JsonValue max && max.TryGetValue<int>(out var m) && m > 0 ? Math.Min(m, rule.PageSize) : rule.PageSize;
        request.Remove("nextToken");
        request.Remove("maxResults");
        return (offset, size);
    }

    private async Task<FullList> FetchAllAsync(HttpContext context, AwsOperation operation, JsonObject request, string? listKey, CancellationToken cancellationToken)
    {
        var result = new FullList { ListKey = listKey };
        for (var page = 0; page < MaxUpstreamPages; page++)
        {
            var upstream = await forwarder.SendAsync(context, JsonSerializer.SerializeToUtf8Bytes(request), cancellationToken);
            stats.RecordUpstream(operation, (int)upstream.StatusCode);
            if (upstream.StatusCode != HttpStatusCode.OK || ParseObject(await upstream.Content.ReadAsByteArrayAsync(cancellationToken)) is not { } answer)
            {
                result.First?.Dispose();
                return new FullList { Failed = upstream };
            }

            result.Add(upstream, answer);
            if (answer["nextToken"] is not JsonValue upstreamToken)
            {
                break;
            }

            request["nextToken"] = upstreamToken.ToString();
        }

        return result;
    }

    private static HttpResponseMessage Page(HttpResponseMessage upstream, JsonObject answer, string? listKey, List<JsonNode?> items, int offset, int pageSize)
    {
        answer.Remove("nextToken");
        if (listKey is not null)
        {
            answer[listKey] = new JsonArray(items.Skip(offset).Take(pageSize).ToArray());
            if ((long)offset + pageSize < items.Count)
            {
                answer["nextToken"] = EncodeToken(offset + pageSize);
            }
        }

        var paged = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(answer)) };
        foreach (var (name, values) in upstream.Headers)
        {
            paged.Headers.TryAddWithoutValidation(name, values);
        }

        paged.Content.Headers.ContentType = upstream.Content.Headers.ContentType ?? new MediaTypeHeaderValue("application/x-amz-json-1.1");
        upstream.Dispose();
        return paged;
    }

    private static JsonObject? ParseObject(byte[] body)
    {
        if (body.Length == 0)
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The whole list gathered from the upstream's pages, or the upstream's failed answer.</summary>
    private sealed class FullList
    {
        public HttpResponseMessage? Failed { get; init; }

        public HttpResponseMessage? First { get; private set; }

        public JsonObject? Answer { get; private set; }

        public string? ListKey { get; set; }

        public List<JsonNode?> Items { get; } = [];

        public void Add(HttpResponseMessage response, JsonObject answer)
        {
            ListKey ??= answer.FirstOrDefault(p => p.Value is JsonArray).Key;
            if (ListKey is not null && answer[ListKey] is JsonArray list)
            {
                Items.AddRange(list.Select(i => i?.DeepClone()));
            }

            if (First is null)
            {
                (First, Answer) = (response, answer);
            }
            else
            {
                response.Dispose();
            }
        }
    }
}

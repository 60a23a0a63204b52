using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AwsFaultProxy.Ecs;

/// <summary>DescribeServices, ListServices and the tag operations on service ARNs, answered from the front's state.</summary>
internal sealed class EcsServiceQueries(EcsServiceStore store, EcsClusterChecks clusters)
{
    public const int MaxDescribedServices = 10;
    private const string TokenPrefix = "ecsfront:";

    public async Task<JsonObject> DescribeAsync(HttpRequest client, JsonObject request, CancellationToken ct)
    {
        var names = (request["services"] as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? string.Empty).ToList();
        if (names.Count == 0)
        {
            throw EcsApiException.InvalidParameter("Services cannot be empty.");
        }

        if (names.Count > MaxDescribedServices)
        {
            throw EcsApiException.InvalidParameter($"services can have at most {MaxDescribedServices} items.");
        }

        var cluster = await clusters.ResolveAsync(client, request, ct);
        var includeTags = (request["include"] as JsonArray ?? []).Any(i => i?.GetValue<string>() == "TAGS");
        var found = new JsonArray();
        var failures = new JsonArray();
        lock (store.Gate)
        {
            foreach (var name in names)
            {
                if (store.Find(cluster.Arn, name) is { } service)
                {
                    found.Add(EcsServiceJson.Service(service, includeTags));
                }
                else
                {
                    failures.Add(new JsonObject { ["arn"] = ServiceArn(cluster, EcsServiceStore.NameOf(name)), ["reason"] = "MISSING" });
                }
            }
        }

        return new JsonObject { ["services"] = found, ["failures"] = failures };
    }

    /// <summary>ACTIVE services only (DRAINING and INACTIVE are left out), filtered and paged as ECS pages.</summary>
    public async Task<JsonObject> ListAsync(HttpRequest client, JsonObject request, CancellationToken ct)
    {
        var maxResults = request.Number("maxResults") ?? 10;
        if (maxResults is < 1 or > 100)
        {
            throw EcsApiException.InvalidParameter("maxResults must be between 1 and 100.");
        }

        var offset = request.Text("nextToken") is { } token ? DecodeToken(token) : 0;
        var cluster = await clusters.ResolveAsync(client, request, ct);
        var launchType = request.Text("launchType");
        var scheduling = request.Text("schedulingStrategy");
        List<string> arns;
        lock (store.Gate)
        {
            arns = store.InCluster(cluster.Arn)
                .Where(s => s.Status == "ACTIVE")
                .Where(s => launchType is null || s.Config.Text("launchType") == launchType)
                .Where(s => scheduling is null || s.Config.Text("schedulingStrategy") == scheduling)
                .Select(s => s.Arn).ToList();
        }

        var answer = new JsonObject { ["serviceArns"] = new JsonArray(arns.Skip(offset).Take(maxResults).Select(a => (JsonNode?)a).ToArray()) };
        if (offset + maxResults < arns.Count)
        {
            answer["nextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenPrefix + (offset + maxResults).ToString(CultureInfo.InvariantCulture)));
        }

        return answer;
    }

    public JsonObject Tag(JsonObject request)
    {
        var tags = (request["tags"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(t => KeyValuePair.Create(t.Text("key") ?? string.Empty, t.Text("value") ?? string.Empty));
        lock (store.Gate)
        {
            Tagged(request).SetTags(tags);
        }

        return [];
    }

    public JsonObject Untag(JsonObject request)
    {
        var keys = (request["tagKeys"] as JsonArray ?? []).Select(k => k?.GetValue<string>()).ToHashSet();
        lock (store.Gate)
        {
            Tagged(request).Tags.RemoveAll(t => keys.Contains(t.Key));
        }

        return [];
    }

    public JsonObject ListTags(JsonObject request)
    {
        lock (store.Gate)
        {
            return new JsonObject { ["tags"] = EcsServiceJson.Tags(Tagged(request).Tags) };
        }
    }

    /// <summary>ECS's long-format service ARN: <c>arn:aws:ecs:region:account:service/cluster/name</c>.</summary>
    public static string ServiceArn(EcsCluster cluster, string name) =>
        $"arn:aws:ecs:{cluster.Region}:{cluster.Account}:service/{cluster.Name}/{name}";

    private EmulatedService Tagged(JsonObject request) =>
        store.FindByArn(request.Text("resourceArn") ?? string.Empty) is { Status: not "INACTIVE" } service
            ? service
            : throw new EcsApiException("ResourceNotFoundException", "The specified resource wasn't found.");

    private static int DecodeToken(string token)
    {
        var bytes = new byte[token.Length];
        var text = Convert.TryFromBase64String(token, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : string.Empty;
        return text.StartsWith(TokenPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(TokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw EcsApiException.InvalidParameter("Invalid nextToken.");
    }
}

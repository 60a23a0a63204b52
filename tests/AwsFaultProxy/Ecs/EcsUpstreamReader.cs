using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace AwsFaultProxy.Ecs;

/// <summary>
/// The ECS front's own reads from the upstream (moto): clusters, task definitions and target groups. Each carries
/// the client's credential scope (moto picks the account from the access key and routes by the scope's service),
/// re-scoped for ELBv2; the signature is not recomputed, so an upstream that verifies signatures refuses them.
/// </summary>
internal sealed class EcsUpstreamReader(UpstreamForwarder forwarder)
{
    private const string EcsTarget = "AmazonEC2ContainerServiceV20141113.";

    /// <summary>
    /// The cluster as DescribeClusters returns it, or null when moto does not know it. Always with include=["TAGS"]:
    /// moto keeps that switch in class-wide state, so a read without it, concurrent with an operator's read that asks
    /// for tags, could strip the tags from the operator's answer (the cluster would then look unowned).
    /// </summary>
    public async Task<JsonObject?> DescribeClusterAsync(HttpRequest client, string cluster, CancellationToken ct)
    {
        var answer = await EcsAsync(client, "DescribeClusters", new JsonObject { ["clusters"] = new JsonArray(cluster), ["include"] = new JsonArray("TAGS") }, ct)
            ?? throw EcsApiException.Upstream("the cluster", 400);
        return answer["clusters"] is JsonArray { Count: > 0 } clusters ? clusters[0] as JsonObject : null;
    }

    /// <summary>The task definition (family, family:revision or ARN), or null when it does not exist.</summary>
    public async Task<JsonObject?> DescribeTaskDefinitionAsync(HttpRequest client, string taskDefinition, CancellationToken ct)
    {
        var answer = await EcsAsync(client, "DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = taskDefinition }, ct);
        return answer?["taskDefinition"] as JsonObject;
    }

    /// <summary>How many container instances the cluster has (the EC2 launch type places tasks on them).</summary>
    public async Task<int> ContainerInstanceCountAsync(HttpRequest client, string clusterArn, CancellationToken ct)
    {
        var answer = await EcsAsync(client, "ListContainerInstances", new JsonObject { ["cluster"] = clusterArn }, ct)
            ?? throw EcsApiException.Upstream("the container instances", 400);
        return (answer["containerInstanceArns"] as JsonArray)?.Count ?? 0;
    }

    /// <summary>The load balancers a target group is attached to; null when the target group does not exist.</summary>
    public async Task<IReadOnlyList<string>?> TargetGroupLoadBalancersAsync(HttpRequest client, string targetGroupArn, CancellationToken ct)
    {
        using var request = Signed(client, AwsServices.Elbv2);
        request.Content = new FormUrlEncodedContent(
        [
            new("Action", "DescribeTargetGroups"),
            new("Version", "2015-12-01"),
            new("TargetGroupArns.member.1", targetGroupArn),
        ]);
        using var response = await forwarder.SendOwnAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return text.Contains("TargetGroupNotFound", StringComparison.Ordinal) ? null : throw EcsApiException.Upstream("the target group", (int)response.StatusCode);
        }

        var group = XDocument.Parse(text).Descendants().FirstOrDefault(e => e.Name.LocalName == "TargetGroups")?.Elements().FirstOrDefault();
        return group?.Elements().FirstOrDefault(e => e.Name.LocalName == "LoadBalancerArns")?.Elements().Select(e => e.Value).ToArray();
    }

    /// <summary>The answer of an ECS call; null when ECS refused it as a client error (4xx).</summary>
    private async Task<JsonObject?> EcsAsync(HttpRequest client, string operation, JsonObject body, CancellationToken ct)
    {
        using var request = Signed(client, AwsServices.Ecs);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", EcsTarget + operation);
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await forwarder.SendOwnAsync(request, ct);
        var status = (int)response.StatusCode;
        return status switch
        {
            200 => JsonNode.Parse(await response.Content.ReadAsByteArrayAsync(ct)) as JsonObject,
            >= 400 and < 500 => null,
            _ => throw EcsApiException.Upstream(operation, status),
        };
    }

    private static HttpRequestMessage Signed(HttpRequest client, string service)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Version = HttpVersion.Version11 };
        foreach (var name in new[] { "X-Amz-Date", "X-Amz-Security-Token" })
        {
            if (client.Headers.TryGetValue(name, out var value))
            {
                request.Headers.TryAddWithoutValidation(name, value.ToString());
            }
        }

        request.Headers.TryAddWithoutValidation("Authorization", Rescope(client.Headers.Authorization.ToString(), service));
        return request;
    }

    /// <summary>Swaps the service in the credential scope <c>Credential=AKID/date/region/service/aws4_request</c>.</summary>
    private static string Rescope(string authorization, string service)
    {
        var parts = authorization.Split('/');
        if (parts.Length < 5)
        {
            return RawAuthorization(service);
        }

        parts[3] = service;
        return string.Join('/', parts);
    }

    private static string RawAuthorization(string service) =>
        new StringBuilder("AWS4-HMAC-SHA256 Credential=testing/20250101/us-east-1/").Append(service)
            .Append("/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000").ToString();
}

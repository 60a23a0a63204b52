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

    /// <summary>
    /// The load balancers a target group is attached to, as real ELBv2 reports them: every load balancer whose listener
    /// default action or listener rule forwards to it. moto appends a load balancer only on CreateListener and
    /// CreateRule, never on ModifyRule or ModifyListener, so when it lists none, the listeners and rules of the load
    /// balancers in the group's VPC are read. Null when the target group does not exist.
    /// </summary>
    public async Task<IReadOnlyList<string>?> TargetGroupLoadBalancersAsync(HttpRequest client, string targetGroupArn, CancellationToken ct)
    {
        var answer = await ElbAsync(client, "DescribeTargetGroups", [new("TargetGroupArns.member.1", targetGroupArn)], "TargetGroupNotFound", ct);
        var group = answer?.Descendants().FirstOrDefault(e => e.Name.LocalName == "TargetGroups")?.Elements().FirstOrDefault();
        if (group is null)
        {
            return null;
        }

        var listed = Child(group, "LoadBalancerArns")?.Elements().Select(e => e.Value).ToArray() ?? [];
        return listed.Length > 0 ? listed : await ForwardingLoadBalancersAsync(client, targetGroupArn, Child(group, "VpcId")?.Value, ct);
    }

    /// <summary>The load balancers in <paramref name="vpcId"/> with a listener default action or a rule forwarding to the target group.</summary>
    private async Task<IReadOnlyList<string>> ForwardingLoadBalancersAsync(HttpRequest client, string targetGroupArn, string? vpcId, CancellationToken ct)
    {
        var balancers = await ElbAsync(client, "DescribeLoadBalancers", [new("PageSize", "400")], null, ct);
        var forwarding = new List<string>();
        foreach (var balancer in Members(balancers, "LoadBalancers").Where(b => Child(b, "VpcId")?.Value == vpcId))
        {
            var arn = Child(balancer, "LoadBalancerArn")?.Value ?? string.Empty;
            var listeners = await ElbAsync(client, "DescribeListeners", [new("LoadBalancerArn", arn)], "LoadBalancerNotFound", ct);
            foreach (var listener in Members(listeners, "Listeners"))
            {
                var rules = Forwards(listener, targetGroupArn)
                    ? null
                    : await ElbAsync(client, "DescribeRules", [new("ListenerArn", Child(listener, "ListenerArn")?.Value ?? string.Empty)], "ListenerNotFound", ct);
                if (rules is null || Forwards(rules.Root!, targetGroupArn))
                {
                    forwarding.Add(arn);
                    break;
                }
            }
        }

        return forwarding;
    }

    /// <summary>A forward action names its group as TargetGroupArn, directly or in ForwardConfig.TargetGroups.</summary>
    private static bool Forwards(XElement actions, string targetGroupArn) =>
        actions.Descendants().Any(e => e.Name.LocalName == "TargetGroupArn" && e.Value == targetGroupArn);

    private static XElement? Child(XElement element, string name) => element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static IEnumerable<XElement> Members(XDocument? answer, string list) =>
        answer?.Descendants().FirstOrDefault(e => e.Name.LocalName == list)?.Elements() ?? [];

    /// <summary>An ELBv2 answer; null when it failed with <paramref name="absentCode"/> (the thing does not exist).</summary>
    private async Task<XDocument?> ElbAsync(HttpRequest client, string action, KeyValuePair<string, string>[] parameters, string? absentCode, CancellationToken ct)
    {
        using var request = Signed(client, AwsServices.Elbv2);
        request.Content = new FormUrlEncodedContent([new("Action", action), new("Version", "2015-12-01"), .. parameters]);
        using var response = await forwarder.SendOwnAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return XDocument.Parse(text);
        }

        return absentCode is not null && text.Contains(absentCode, StringComparison.Ordinal) ? null : throw EcsApiException.Upstream(action, (int)response.StatusCode);
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

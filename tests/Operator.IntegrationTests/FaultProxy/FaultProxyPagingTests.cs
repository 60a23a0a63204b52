using System.Text.Json;
using AwsFaultProxy;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>
/// moto ignores maxResults for ListServices and ListTaskDefinitions; a SplitPages rule makes the proxy page them,
/// so that client paging code can be proved against moto.
/// </summary>
public sealed class FaultProxyPagingTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Awscli_list_services_follows_the_proxys_nextToken_and_still_gets_every_service()
    {
        var (cluster, services) = await CreateServicesAsync(5);
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.SplitPages("ecs", "ListServices", pageSize: 2));

        var output = await AwsCli.RunOkAsync(AwsCli.Through(proxy, moto), "ecs", "list-services", "--cluster", cluster);

        var arns = JsonDocument.Parse(output).RootElement.GetProperty("serviceArns").EnumerateArray().Select(a => a.GetString()!);
        Assert.Equal(services.Order(StringComparer.Ordinal), arns.Select(a => a.Split('/')[^1]).Order(StringComparer.Ordinal));
        var list = proxy.Stats.For("ecs", "ListServices");
        Assert.Equal(3, list.Calls);
        Assert.Equal(3, list.Injected[FaultKind.SplitPages]);
    }

    [Fact]
    public async Task A_raw_call_gets_one_page_and_a_nextToken_that_returns_the_next_page()
    {
        var (cluster, _) = await CreateServicesAsync(5);
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.SplitPages("ecs", "ListServices", pageSize: 2));
        using var http = new HttpClient();

        var first = await ListServicesAsync(http, proxy.Endpoint, cluster, null);
        var second = await ListServicesAsync(http, proxy.Endpoint, cluster, first.NextToken);
        var third = await ListServicesAsync(http, proxy.Endpoint, cluster, second.NextToken);

        Assert.Equal(2, first.Arns.Length);
        Assert.Equal(2, second.Arns.Length);
        Assert.Single(third.Arns);
        Assert.NotNull(first.NextToken);
        Assert.Null(third.NextToken);
        Assert.Equal(5, first.Arns.Concat(second.Arns).Concat(third.Arns).Distinct().Count());
    }

    [Fact]
    public async Task A_smaller_maxResults_from_the_client_makes_smaller_pages_of_task_definitions()
    {
        var family = TestNames.Unique("fp-page");
        for (var i = 0; i < 3; i++)
        {
            await RegisterTaskDefinitionAsync(family);
        }

        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.SplitPages("ecs", "ListTaskDefinitions", pageSize: 10));
        using var http = new HttpClient();

        using var response = await http.SendAsync(RawAws.Ecs(proxy.Endpoint, "ListTaskDefinitions", $"{{\"familyPrefix\":\"{family}\",\"maxResults\":1}}"), Ct);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Single(body.GetProperty("taskDefinitionArns").EnumerateArray());
        Assert.True(body.TryGetProperty("nextToken", out _), body.ToString());
    }

    private static async Task<(string[] Arns, string? NextToken)> ListServicesAsync(HttpClient http, Uri endpoint, string cluster, string? nextToken)
    {
        var request = nextToken is null
            ? JsonSerializer.Serialize(new { cluster })
            : JsonSerializer.Serialize(new { cluster, nextToken });
        using var response = await http.SendAsync(RawAws.Ecs(endpoint, "ListServices", request), Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        var arns = body.GetProperty("serviceArns").EnumerateArray().Select(a => a.GetString()!).ToArray();
        return (arns, body.TryGetProperty("nextToken", out var token) ? token.GetString() : null);
    }

    /// <summary>Creates a cluster with services directly at moto (no proxy), quickly, over raw awsJson.</summary>
    private async Task<(string Cluster, string[] Services)> CreateServicesAsync(int count)
    {
        var cluster = TestNames.Unique("fp-page");
        await EcsAsync("CreateCluster", new { clusterName = cluster });
        var taskDefinition = await RegisterTaskDefinitionAsync(cluster);
        var services = Enumerable.Range(0, count).Select(i => $"svc-{i}").ToArray();
        foreach (var service in services)
        {
            await EcsAsync("CreateService", new { cluster, serviceName = service, taskDefinition, desiredCount = 0 });
        }

        return (cluster, services);
    }

    private async Task<string> RegisterTaskDefinitionAsync(string family)
    {
        var containerDefinitions = new[] { new { name = "app", image = "nginx", memory = 128 } };
        var body = await EcsAsync("RegisterTaskDefinition", new { family, containerDefinitions });
        return body.GetProperty("taskDefinition").GetProperty("taskDefinitionArn").GetString()!;
    }

    private async Task<JsonElement> EcsAsync(string operation, object request)
    {
        using var http = new HttpClient();
        using var response = await http.SendAsync(RawAws.Ecs(moto.Endpoint, operation, JsonSerializer.Serialize(request)), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{operation}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

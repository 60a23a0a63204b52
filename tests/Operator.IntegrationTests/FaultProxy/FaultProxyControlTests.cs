using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AwsFaultProxy;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>Out-of-process use: the command line, and stats, reset and rules over HTTP under /__proxy/.</summary>
public sealed class FaultProxyControlTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stats_endpoint_reports_calls_per_operation_as_json_and_reset_zeroes_them()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint, Seed = 11 }, Ct);
        using var http = new HttpClient();
        for (var i = 0; i < 3; i++)
        {
            using var _ = await http.SendAsync(RawAws.Ecs(proxy.Endpoint, "ListClusters", "{}"), Ct);
        }

        var stats = await http.GetFromJsonAsync<StatsSnapshot>(new Uri(proxy.Endpoint, "/__proxy/stats"), ProxyJson.Options, Ct);
        using var reset = await http.PostAsync(new Uri(proxy.Endpoint, "/__proxy/reset"), null, Ct);
        var afterReset = await http.GetFromJsonAsync<StatsSnapshot>(new Uri(proxy.Endpoint, "/__proxy/stats"), ProxyJson.Options, Ct);

        Assert.Equal(11, stats!.Seed);
        var list = Assert.Single(stats.Operations);
        Assert.Equal(("ecs", "ListClusters", 3L, 3L), (list.Service, list.Operation, list.Calls, list.UpstreamStatus[200]));
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, afterReset!.TotalCalls);
        Assert.Empty(afterReset.Operations);
    }

    [Fact]
    public async Task Rules_posted_as_json_take_effect_on_the_next_call_and_can_be_cleared()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        using var http = new HttpClient();
        const string rules = """[{ "service": "ecs", "operation": "List*", "fault": "Throttle" }]""";

        using var posted = await http.PostAsync(new Uri(proxy.Endpoint, "/__proxy/rules"), new StringContent(rules, Encoding.UTF8, "application/json"), Ct);
        var installed = proxy.Rules.Current;
        using var throttled = await http.SendAsync(RawAws.Ecs(proxy.Endpoint, "ListClusters", "{}"), Ct);
        using var cleared = await http.DeleteAsync(new Uri(proxy.Endpoint, "/__proxy/rules"), Ct);
        using var passed = await http.SendAsync(RawAws.Ecs(proxy.Endpoint, "ListClusters", "{}"), Ct);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(FaultRule.Throttle("ecs", "List*"), Assert.Single(installed));
        Assert.Equal(HttpStatusCode.BadRequest, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        Assert.Empty(proxy.Rules.Current);
    }

    [Fact]
    public async Task An_invalid_rule_is_rejected_with_400_and_the_old_rules_stay()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Throttle("iam"));
        using var http = new HttpClient();
        const string invalid = """[{ "service": "ecs", "fault": "Throttle", "probability": 2 }]""";

        using var response = await http.PostAsync(new Uri(proxy.Endpoint, "/__proxy/rules"), new StringContent(invalid, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("probability", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("iam", Assert.Single(proxy.Rules.Current).Service);
    }

    [Fact]
    public async Task The_command_line_prints_READY_with_its_url_forwards_to_the_upstream_and_loads_rules_from_a_file()
    {
        var rulesFile = Path.Combine(Path.GetTempPath(), $"{TestNames.Unique("fp-rules")}.json");
        await File.WriteAllTextAsync(rulesFile, """[{ "service": "ecs", "operation": "DescribeClusters", "fault": "Throttle" }]""", Ct);
        try
        {
            using var process = await ProxyProcess.StartAsync(["--upstream", moto.Endpoint.ToString(), "--port", "0", "--seed", "5", "--rules", rulesFile], Ct);
            using var http = new HttpClient();

            using var list = await http.SendAsync(RawAws.Ecs(process.Endpoint, "ListClusters", "{}"), Ct);
            using var describe = await http.SendAsync(RawAws.Ecs(process.Endpoint, "DescribeClusters", "{}"), Ct);
            using var stats = JsonDocument.Parse(await http.GetStringAsync(new Uri(process.Endpoint, "/__proxy/stats"), Ct));

            Assert.Matches(@"^READY url=http://127\.0\.0\.1:\d+ seed=5$", process.ReadyLine);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, describe.StatusCode);
            Assert.Equal(2, stats.RootElement.GetProperty("totalCalls").GetInt64());
        }
        finally
        {
            File.Delete(rulesFile);
        }
    }
}

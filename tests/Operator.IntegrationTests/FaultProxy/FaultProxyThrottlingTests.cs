using System.Net;
using System.Xml.Linq;
using AwsFaultProxy;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>Injected throttling looks like AWS's own to each protocol's SDK parser, and retries get past it.</summary>
public sealed class FaultProxyThrottlingTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ecs", "ThrottlingException", new[] { "ecs", "list-clusters" })]
    [InlineData("elbv2", "Throttling", new[] { "elbv2", "describe-load-balancers" })]
    [InlineData("iam", "Throttling", new[] { "iam", "list-roles" })]
    [InlineData("efs", "ThrottlingException", new[] { "efs", "describe-file-systems" })]
    public async Task Awscli_reports_injected_throttling_with_the_services_own_error_code(string service, string code, string[] command)
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Throttle(service));

        var result = await AwsCli.RunAsync(AwsCli.Through(proxy, moto, maxAttempts: 1), command);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"An error occurred ({code})", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("Rate exceeded", result.StdErr, StringComparison.Ordinal);
        var stats = Assert.Single(proxy.Stats.Operations());
        Assert.Equal((1, 1, 0), (stats.Calls, stats.Throttled, stats.Forwarded));
    }

    [Fact]
    public async Task Awsjson_throttling_is_a_400_with_type_ThrottlingException_and_a_request_id()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Throttle("ecs"));
        using var http = new HttpClient();

        using var response = await http.SendAsync(RawAws.Ecs(proxy.Endpoint, "ListClusters", "{}"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}", await response.Content.ReadAsStringAsync(Ct));
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("x-amzn-RequestId").Single()));
    }

    [Theory]
    [InlineData("elasticloadbalancing", "DescribeTargetGroups", "2015-12-01")]
    [InlineData("iam", "GetRole", "2010-05-08")]
    public async Task Awsquery_throttling_is_a_400_ErrorResponse_with_code_Throttling(string service, string action, string version)
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Throttle(service, action));
        using var http = new HttpClient();

        using var response = await http.SendAsync(RawAws.Query(proxy.Endpoint, service, action, version), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!;
        var error = root.Elements().Single(e => e.Name.LocalName == "Error");
        Assert.Equal("ErrorResponse", root.Name.LocalName);
        Assert.Equal(["Sender", "Throttling", "Rate exceeded"], error.Elements().Select(e => e.Value));
        Assert.False(string.IsNullOrEmpty(root.Elements().Single(e => e.Name.LocalName == "RequestId").Value));
    }

    [Fact]
    public async Task Restjson_throttling_is_a_429_with_the_error_type_header()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Throttle("efs", "DescribeAccessPoints"));
        using var http = new HttpClient();

        using var response = await http.SendAsync(RawAws.RestGet(proxy.Endpoint, "elasticfilesystem", "/2015-02-01/access-points"), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("ThrottlingException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains("Rate exceeded", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_only_the_first_two_calls_lets_awscli_succeed_on_its_third_attempt_and_the_retries_show_in_the_counts()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Throttle("ecs", "ListClusters") with { FirstCalls = 2 });

        await AwsCli.RunOkAsync(AwsCli.Through(proxy, moto, maxAttempts: 5), "ecs", "list-clusters");

        var list = proxy.Stats.For("ecs", "ListClusters");
        Assert.Equal((3, 2, 1), (list.Calls, list.Throttled, list.Forwarded));
        Assert.Equal([FaultKind.Throttle, FaultKind.Throttle, null], proxy.Stats.Journal().Select(c => c.Fault));
    }

    [Theory]
    [InlineData(500, "ServerException")]
    [InlineData(503, "ServiceUnavailableException")]
    public async Task Injected_server_errors_carry_the_status_and_a_5xx_error_code(int status, string code)
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.ServerError("ecs", "*", status));

        var result = await AwsCli.RunAsync(AwsCli.Through(proxy, moto, maxAttempts: 1), "ecs", "list-clusters");

        Assert.Contains($"An error occurred ({code})", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(1, proxy.Stats.For("ecs", "ListClusters").Injected[FaultKind.ServerError]);
        Assert.Equal(status, proxy.Stats.Journal().Single().ClientStatus);
    }
}

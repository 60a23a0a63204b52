using System.Net;
using System.Text;
using AwsFaultProxy;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>Without rules the proxy is invisible: calls reach the upstream unchanged and come back unchanged.</summary>
public sealed class FaultProxyForwardingTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Method_path_query_headers_and_body_reach_the_upstream_and_the_answer_streams_back_unchanged()
    {
        await using var upstream = await RecordingUpstream.StartAsync();
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = upstream.Endpoint }, Ct);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(proxy.Endpoint, "/2015-02-01/file-systems/fs-1/policy?a=1&b=x%2Fy"))
        {
            Content = new StringContent("{\"Policy\":\"p\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", RawAws.Authorization("elasticfilesystem"));
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20250101T000000Z");
        request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", "token-value");

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("seen", response.Headers.GetValues("X-Upstream-Marker").Single());
        Assert.Equal("upstream-request-id", response.Headers.GetValues("x-amzn-RequestId").Single());
        Assert.Equal(string.Concat(RecordingUpstream.BodyChunks), await response.Content.ReadAsStringAsync(Ct));
        var received = Assert.Single(upstream.Received);
        Assert.Equal("PUT", received.Method);
        Assert.Equal("/2015-02-01/file-systems/fs-1/policy?a=1&b=x%2Fy", received.RawTarget);
        Assert.Equal(RawAws.Authorization("elasticfilesystem"), received.Headers["Authorization"]);
        Assert.Equal("20250101T000000Z", received.Headers["X-Amz-Date"]);
        Assert.Equal("token-value", received.Headers["X-Amz-Security-Token"]);
        Assert.Equal("{\"Policy\":\"p\"}", Encoding.UTF8.GetString(received.Body));
        Assert.Equal($"127.0.0.1:{upstream.Endpoint.Port}", received.Headers["Host"]);
        Assert.Equal(1, proxy.Stats.For("efs", "PutFileSystemPolicy").UpstreamStatus[201]);
    }

    [Fact]
    public async Task Concurrent_calls_are_all_forwarded_and_each_counted_exactly_once()
    {
        const int calls = 64;
        await using var upstream = await RecordingUpstream.StartAsync();
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = upstream.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Throttle("ecs", "DescribeServices", probability: 0.5));
        using var http = new HttpClient();

        var statuses = await Task.WhenAll(Enumerable.Range(0, calls).Select(async i =>
        {
            using var response = await http.SendAsync(RawAws.Ecs(proxy.Endpoint, i % 2 == 0 ? "ListServices" : "DescribeServices", "{}"), Ct);
            return response.StatusCode;
        }));

        var list = proxy.Stats.For("ecs", "ListServices");
        var describe = proxy.Stats.For("ecs", "DescribeServices");
        Assert.Equal((calls / 2L, calls / 2L), (list.Calls, describe.Calls));
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.BadRequest), describe.Throttled);
        Assert.Equal(upstream.Received.Count, list.Forwarded + describe.Forwarded);
        Assert.Equal(Enumerable.Range(1, calls).Select(i => (long)i), proxy.Stats.Journal().Select(c => c.Sequence));
    }

    [Fact]
    public async Task Awscli_through_the_proxy_changes_moto_and_each_call_is_counted_once()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        var name = TestNames.Unique("fp-fwd");

        await AwsCli.RunOkAsync(AwsCli.Through(proxy, moto), "ecs", "create-cluster", "--cluster-name", name);

        var direct = await AwsCli.RunOkAsync(moto.ClientEnvironment, "ecs", "describe-clusters", "--clusters", name);
        Assert.Contains($"cluster/{name}", direct, StringComparison.Ordinal);
        var create = proxy.Stats.For("ecs", "CreateCluster");
        Assert.Equal(1, create.Calls);
        Assert.Equal(1, create.Forwarded);
        Assert.Equal(1, create.UpstreamStatus[200]);
        Assert.Equal(0, proxy.Stats.For("ecs", "DescribeClusters").Calls);
    }

    [Fact]
    public async Task Ecs_elbv2_iam_efs_and_sts_calls_from_awscli_are_named_by_service_and_operation()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        var env = AwsCli.Through(proxy, moto);

        await AwsCli.RunOkAsync(env, "ecs", "list-clusters");
        await AwsCli.RunOkAsync(env, "elbv2", "describe-target-groups");
        await AwsCli.RunOkAsync(env, "iam", "list-roles");
        await AwsCli.RunOkAsync(env, "efs", "describe-file-systems");
        await AwsCli.RunOkAsync(env, "efs", "describe-access-points");
        await AwsCli.RunOkAsync(env, "sts", "get-caller-identity");

        var seen = proxy.Stats.Operations().Select(o => $"{o.Service}/{o.Operation}").ToArray();
        Assert.Equal(
            [
                "ecs/ListClusters",
                "elasticfilesystem/DescribeAccessPoints",
                "elasticfilesystem/DescribeFileSystems",
                "elasticloadbalancing/DescribeTargetGroups",
                "iam/ListRoles",
                "sts/GetCallerIdentity",
            ],
            seen);
        Assert.All(proxy.Stats.Operations(), o => Assert.Equal(1, o.UpstreamStatus[200]));
    }

    [Fact]
    public async Task An_upstream_error_status_is_passed_through_and_counted()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);

        var result = await AwsCli.RunAsync(AwsCli.Through(proxy, moto), "iam", "get-role", "--role-name", TestNames.Unique("missing"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("NoSuchEntity", result.StdErr, StringComparison.Ordinal);
        var getRole = proxy.Stats.For("iam", "GetRole");
        Assert.Equal(1, getRole.Calls);
        Assert.Equal(0, getRole.Faulted);
        Assert.Equal(1, getRole.UpstreamStatus[404]);
    }
}

using System.Text.RegularExpressions;
using EcsOperator.Aws;
using EcsOperator.Aws.Ecs.Model;
using Xunit;

namespace EcsOperator.Tests.Aws;

/// <summary>What AWSSDK.Core's pipeline gives the clients: SigV4 for the right service and region, retries, metrics.</summary>
public sealed partial class PipelineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ecs")]
    [InlineData("elasticloadbalancing")]
    [InlineData("elasticfilesystem")]
    [InlineData("iam")]
    public async Task Requests_carry_a_sigv4_authorization_for_the_service_and_region(string signingName)
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, "{}", "application/json"));
        var factory = endpoint.Factory(accessKey: "AKIDEXAMPLE", maxErrorRetry: 0);
        await SendAnyAsync(factory, signingName);

        var sent = endpoint.Requests.First();
        var match = AuthorizationHeader().Match(sent.Headers["Authorization"]);
        Assert.True(match.Success, sent.Headers["Authorization"]);
        Assert.Equal(DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), match.Groups["date"].Value);
        Assert.Equal(("us-east-1", signingName), (match.Groups["region"].Value, match.Groups["service"].Value));
        var signed = match.Groups["signed"].Value.Split(';');
        Assert.Contains("host", signed);
        Assert.Contains("x-amz-date", signed);
        Assert.True(sent.Headers.ContainsKey("X-Amz-Date"));
        if (signingName == "ecs")
        {
            Assert.Contains("x-amz-target", signed);
        }
    }

    [Fact]
    public async Task A_server_error_is_retried_and_both_attempts_are_counted()
    {
        using var endpoint = new RecordingEndpoint(
            new CannedResponse(500, """{"__type":"ServerException","message":"boom"}"""),
            new CannedResponse(200, """{"clusters":[],"failures":[]}"""));
        var factory = endpoint.Factory();
        using var ecs = factory.CreateEcs();

        var response = await ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = ["demo"] }, Ct);

        Assert.Empty(response.Clusters!);
        Assert.Equal(2, endpoint.Requests.Count);
        Assert.Equal(1, factory.Accounting.Metrics.Requests.WithLabels("ECS", "DescribeClusters", "ServerException").Value);
        Assert.Equal(1, factory.Accounting.Metrics.Requests.WithLabels("ECS", "DescribeClusters", "OK").Value);
    }

    [Fact]
    public async Task Throttling_is_retried_until_it_passes()
    {
        using var endpoint = new RecordingEndpoint(
            new CannedResponse(400, """{"__type":"ThrottlingException","message":"Rate exceeded"}"""),
            new CannedResponse(400, """{"__type":"ThrottlingException","message":"Rate exceeded"}"""),
            new CannedResponse(200, """{"serviceArns":["arn:aws:ecs:us-east-1:123456789012:service/demo/web"]}"""));
        var factory = endpoint.Factory(maxErrorRetry: 5);
        using var ecs = factory.CreateEcs();

        var response = await ecs.ListServicesAsync(new ListServicesRequest { Cluster = "demo" }, Ct);

        Assert.Single(response.ServiceArns!);
        Assert.Equal(2, factory.Accounting.Metrics.Requests.WithLabels("ECS", "ListServices", "ThrottlingException").Value);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_surfaces_as_a_throttled_error()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(400, """{"__type":"ThrottlingException","message":"Rate exceeded"}"""));
        using var ecs = endpoint.Factory(maxErrorRetry: 1).CreateEcs();

        var error = await Assert.ThrowsAsync<ThrottlingException>(() => ecs.ListServicesAsync(new ListServicesRequest(), Ct));

        Assert.Equal(AwsErrorClass.Throttled, error.Classification);
        Assert.Equal(2, endpoint.Requests.Count);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(400, """{"__type":"ClusterNotFoundException","message":"Cluster not found."}"""));
        using var ecs = endpoint.Factory().CreateEcs();

        await Assert.ThrowsAsync<ClusterNotFoundException>(() => ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = "x", Service = "y" }, Ct));

        Assert.Single(endpoint.Requests);
    }

    private static async Task SendAnyAsync(AwsClientFactory factory, string signingName)
    {
        try
        {
            switch (signingName)
            {
                case "ecs":
                    using (var ecs = factory.CreateEcs())
                    {
                        await ecs.ListServicesAsync(new ListServicesRequest(), Ct);
                    }

                    break;
                case "elasticloadbalancing":
                    using (var elb = factory.CreateElbv2())
                    {
                        await elb.DescribeTargetGroupsAsync(new EcsOperator.Aws.ElasticLoadBalancingV2.Model.DescribeTargetGroupsRequest(), Ct);
                    }

                    break;
                case "elasticfilesystem":
                    using (var efs = factory.CreateEfs())
                    {
                        await efs.DescribeFileSystemsAsync(new EcsOperator.Aws.Efs.Model.DescribeFileSystemsRequest(), Ct);
                    }

                    break;
                default:
                    using (var iam = factory.CreateIam())
                    {
                        await iam.GetRoleAsync(new EcsOperator.Aws.Iam.Model.GetRoleRequest { RoleName = "r" }, Ct);
                    }

                    break;
            }
        }
        catch (AwsMalformedResponseException)
        {
            // The canned "{}" is not XML for the query services; only the request matters here.
        }
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/(?<date>\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z]+)/aws4_request, SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=[0-9a-f]{64}$")]
    private static partial Regex AuthorizationHeader();
}

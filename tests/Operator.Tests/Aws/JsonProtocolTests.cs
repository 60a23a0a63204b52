using System.Text.Json.Nodes;
using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Ecs.Model;
using Xunit;

namespace EcsOperator.Tests.Aws;

/// <summary>awsJson1_1 (ECS) against recorded responses: the wire form of requests, lenient reading, typed errors.</summary>
public sealed class JsonProtocolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_is_posted_as_json_with_the_ecs_target_and_no_null_members()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, """{"service":{"serviceName":"web"}}"""));
        using var ecs = endpoint.Factory().CreateEcs();

        await ecs.CreateServiceAsync(new CreateServiceRequest
        {
            Cluster = "demo",
            ServiceName = "web",
            DesiredCount = 2,
            LaunchType = LaunchType.FARGATE,
            NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = ["subnet-1"], AssignPublicIp = AssignPublicIp.DISABLED } },
            Tags = [new Tag { Key = "app", Value = "web" }],
        }, Ct);

        var sent = endpoint.Single;
        Assert.Equal(("POST", "/"), (sent.Method, sent.PathAndQuery));
        Assert.Equal("AmazonEC2ContainerServiceV20141113.CreateService", sent.Headers["X-Amz-Target"]);
        Assert.StartsWith("application/x-amz-json-1.1", sent.Headers["Content-Type"], StringComparison.Ordinal);
        var expected = JsonNode.Parse("""
            {"cluster":"demo","serviceName":"web","desiredCount":2,"launchType":"FARGATE",
             "networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-1"],"assignPublicIp":"DISABLED"}},
             "tags":[{"key":"app","value":"web"}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(sent.Body)), sent.Body);
    }

    [Fact]
    public async Task Missing_optional_members_read_as_null_and_timestamps_as_utc_epoch_seconds()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, """
            {"services":[{"serviceName":"web","desiredCount":2,"createdAt":1700000000.5,
              "deployments":[{"id":"ecs-svc/1","status":"PRIMARY","rolloutState":"COMPLETED","updatedAt":1700000100}]}],
             "failures":[]}
            """));
        using var ecs = endpoint.Factory().CreateEcs();

        var response = await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "demo", Services = ["web"] }, Ct);

        var service = Assert.Single(response.Services!);
        Assert.Null(service.LoadBalancers);
        Assert.Null(service.RunningCount);
        Assert.Null(service.NetworkConfiguration);
        Assert.Empty(response.Failures!);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, 500, DateTimeKind.Utc), service.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, service.CreatedAt!.Value.Kind);
        Assert.Equal("COMPLETED", Assert.Single(service.Deployments!).RolloutState);
    }

    [Fact]
    public async Task An_empty_body_reads_as_an_empty_response()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, ""));
        using var ecs = endpoint.Factory().CreateEcs();

        var response = await ecs.TagResourceAsync(new TagResourceRequest { ResourceArn = "arn:aws:ecs:us-east-1:123456789012:cluster/demo", Tags = [] }, Ct);

        Assert.NotNull(response);
    }

    [Fact]
    public async Task A_truncated_body_is_a_malformed_response_naming_the_operation()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, """{"clusters":[{"clusterName":"demo" """));
        using var ecs = endpoint.Factory().CreateEcs();

        var error = await Assert.ThrowsAsync<AwsMalformedResponseException>(() => ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = ["demo"] }, Ct));

        Assert.Contains("DescribeClusters", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DescribeClustersResponse), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrongly_typed_member_is_a_malformed_response_not_a_null_reference()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, """{"cluster":{"clusterName":"demo","activeServicesCount":"many"}}"""));
        using var ecs = endpoint.Factory().CreateEcs();

        await Assert.ThrowsAsync<AwsMalformedResponseException>(() => ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "demo" }, Ct));
    }

    [Theory]
    [InlineData("ClusterNotFoundException", typeof(ClusterNotFoundException), AwsErrorClass.NotFound)]
    [InlineData("ServiceNotFoundException", typeof(ServiceNotFoundException), AwsErrorClass.NotFound)]
    [InlineData("ServiceNotActiveException", typeof(ServiceNotActiveException), AwsErrorClass.NotFound)]
    [InlineData("InvalidParameterException", typeof(InvalidParameterException), AwsErrorClass.Invalid)]
    [InlineData("ClientException", typeof(ClientException), AwsErrorClass.Invalid)]
    [InlineData("ResourceInUseException", typeof(ResourceInUseException), AwsErrorClass.Conflict)]
    [InlineData("ClusterContainsServicesException", typeof(ClusterContainsServicesException), AwsErrorClass.Conflict)]
    [InlineData("AccessDeniedException", typeof(AccessDeniedException), AwsErrorClass.AccessDenied)]
    [InlineData("com.amazonaws.ecs#ClusterNotFoundException", typeof(ClusterNotFoundException), AwsErrorClass.NotFound)]
    public async Task Error_responses_map_to_typed_exceptions_keeping_code_message_and_request_id(string type, Type exception, AwsErrorClass classification)
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(400, $$"""{"__type":"{{type}}","message":"it went wrong"}"""));
        using var ecs = endpoint.Factory().CreateEcs();

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => ecs.DescribeClustersAsync(new DescribeClustersRequest(), Ct));

        Assert.IsType(exception, error);
        Assert.Equal(type[(type.IndexOf('#', StringComparison.Ordinal) + 1)..], error.ErrorCode);
        Assert.Equal("it went wrong", error.Message);
        Assert.Equal("req-1", error.RequestId);
        Assert.Equal(classification, error.Classification);
    }

    [Fact]
    public async Task An_xml_signature_error_on_a_json_service_is_access_denied()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(403, """
            <?xml version="1.0" encoding="UTF-8"?>
            <ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message></Error><RequestId>r-1</RequestId></ErrorResponse>
            """, "text/xml"));
        using var ecs = endpoint.Factory().CreateEcs();

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => ecs.ListServicesAsync(new ListServicesRequest(), Ct));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(AwsErrorClass.AccessDenied, error.Classification);
    }
}

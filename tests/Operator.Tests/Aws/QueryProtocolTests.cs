using System.Net;
using EcsOperator.Aws;
using EcsOperator.Aws.ElasticLoadBalancingV2.Model;
using EcsOperator.Aws.Iam.Model;
using Xunit;
using ElbTag = EcsOperator.Aws.ElasticLoadBalancingV2.Model.Tag;

namespace EcsOperator.Tests.Aws;

/// <summary>awsQuery (ELBv2, IAM) against recorded responses: form encoding, XML with namespaces and empty lists, errors.</summary>
public sealed class QueryProtocolTests
{
    private const string DescribeTargetGroupsXml = """
        <DescribeTargetGroupsResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
          <DescribeTargetGroupsResult>
            <TargetGroups>
              <member>
                <TargetGroupArn>arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/6d0ecf831eec9f09</TargetGroupArn>
                <TargetGroupName>web</TargetGroupName>
                <Protocol>HTTP</Protocol>
                <Port>80</Port>
                <VpcId>vpc-3ac0fb5f</VpcId>
                <HealthCheckEnabled>true</HealthCheckEnabled>
                <HealthCheckPath>/healthz</HealthCheckPath>
                <Matcher><HttpCode>200</HttpCode></Matcher>
                <LoadBalancerArns/>
                <TargetType>ip</TargetType>
              </member>
            </TargetGroups>
          </DescribeTargetGroupsResult>
          <ResponseMetadata><RequestId>70092c0e-f3a9-11e5-ae48-cff02092876b</RequestId></ResponseMetadata>
        </DescribeTargetGroupsResponse>
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Nested_members_are_form_encoded_with_member_indexes()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, DescribeTargetGroupsXml.Replace("DescribeTargetGroups", "CreateTargetGroup", StringComparison.Ordinal), "text/xml"));
        using var elb = endpoint.Factory().CreateElbv2();

        await elb.CreateTargetGroupAsync(new CreateTargetGroupRequest
        {
            Name = "web",
            Protocol = "HTTP",
            Port = 80,
            VpcId = "vpc-1",
            HealthCheckEnabled = true,
            Matcher = new Matcher { HttpCode = "200-299" },
            Tags = [new ElbTag { Key = "ecs.operator.dev/owner", Value = "ns/LoadBalancerBinding/web" }, new ElbTag { Key = "team", Value = "a b" }],
        }, Ct);

        var form = Form(endpoint.Single.Body);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Action"] = "CreateTargetGroup",
                ["Version"] = "2015-12-01",
                ["Name"] = "web",
                ["Protocol"] = "HTTP",
                ["Port"] = "80",
                ["VpcId"] = "vpc-1",
                ["HealthCheckEnabled"] = "true",
                ["Matcher.HttpCode"] = "200-299",
                ["Tags.member.1.Key"] = "ecs.operator.dev/owner",
                ["Tags.member.1.Value"] = "ns/LoadBalancerBinding/web",
                ["Tags.member.2.Key"] = "team",
                ["Tags.member.2.Value"] = "a b",
            },
            form);
        Assert.StartsWith("application/x-www-form-urlencoded", endpoint.Single.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_list_is_sent_as_an_empty_parameter()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, "<RemoveTagsResponse><RemoveTagsResult/></RemoveTagsResponse>", "text/xml"));
        using var elb = endpoint.Factory().CreateElbv2();

        await elb.RemoveTagsAsync(new RemoveTagsRequest { ResourceArns = ["arn:1"], TagKeys = [] }, Ct);

        var form = Form(endpoint.Single.Body);
        Assert.Equal(string.Empty, form["TagKeys"]);
        Assert.Equal("arn:1", form["ResourceArns.member.1"]);
    }

    [Fact]
    public async Task Xml_with_a_namespace_and_an_empty_list_is_read()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, DescribeTargetGroupsXml, "text/xml"));
        using var elb = endpoint.Factory().CreateElbv2();

        var response = await elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = ["web"] }, Ct);

        var group = Assert.Single(response.TargetGroups!);
        Assert.Equal(("web", 80, true, "200", "ip"), (group.TargetGroupName, group.Port, group.HealthCheckEnabled, group.Matcher?.HttpCode, group.TargetType));
        Assert.NotNull(group.LoadBalancerArns);
        Assert.Empty(group.LoadBalancerArns);
        Assert.Null(group.HealthCheckPort);
        Assert.Null(response.NextMarker);
    }

    [Fact]
    public async Task Xml_without_a_namespace_is_read_the_same()
    {
        var plain = DescribeTargetGroupsXml.Replace(" xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"", string.Empty, StringComparison.Ordinal);
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, plain, "text/xml"));
        using var elb = endpoint.Factory().CreateElbv2();

        var response = await elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest(), Ct);

        Assert.Equal("web", Assert.Single(response.TargetGroups!).TargetGroupName);
    }

    [Fact]
    public async Task An_operation_without_output_reads_an_empty_response()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, """
            <DeleteRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteRoleResponse>
            """, "text/xml"));
        using var iam = endpoint.Factory().CreateIam();

        var response = await iam.DeleteRoleAsync(new DeleteRoleRequest { RoleName = "web" }, Ct);

        Assert.NotNull(response);
        Assert.Equal("RoleName=web", string.Join('&', Form(endpoint.Single.Body).Where(p => p.Key == "RoleName").Select(p => $"{p.Key}={p.Value}")));
    }

    [Theory]
    [InlineData("<Wrong/>")]
    [InlineData("<DescribeTargetGroupsResponse><DescribeTargetGroupsResult><TargetGroups><member><Port>eighty</Port></member></TargetGroups></DescribeTargetGroupsResult></DescribeTargetGroupsResponse>")]
    [InlineData("<DescribeTargetGroupsResponse><DescribeTargetGroupsResult>")]
    public async Task Unreadable_xml_is_a_malformed_response(string body)
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, body, "text/xml"));
        using var elb = endpoint.Factory().CreateElbv2();

        var error = await Assert.ThrowsAsync<AwsMalformedResponseException>(() => elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest(), Ct));

        Assert.Contains("DescribeTargetGroups", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TargetGroupNotFound", typeof(TargetGroupNotFoundException), AwsErrorClass.NotFound)]
    [InlineData("DuplicateTargetGroupName", typeof(DuplicateTargetGroupNameException), AwsErrorClass.Conflict)]
    [InlineData("PriorityInUse", typeof(PriorityInUseException), AwsErrorClass.Conflict)]
    [InlineData("ResourceInUse", typeof(ResourceInUseException), AwsErrorClass.Conflict)]
    [InlineData("Throttling", typeof(ThrottlingException), AwsErrorClass.Throttled)]
    public async Task Elbv2_error_codes_map_to_typed_exceptions(string code, Type exception, AwsErrorClass classification)
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(400, $"""
            <ErrorResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
              <Error><Type>Sender</Type><Code>{code}</Code><Message>no luck</Message></Error>
              <RequestId>b9b24d9b-6e9b-4a1c-b8a6-0b7e1f2a3c4d</RequestId>
            </ErrorResponse>
            """, "text/xml"));
        using var elb = endpoint.Factory(maxErrorRetry: 0).CreateElbv2();

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => elb.DeleteTargetGroupAsync(new DeleteTargetGroupRequest { TargetGroupArn = "arn:tg" }, Ct));

        Assert.IsType(exception, error);
        Assert.Equal((code, "no luck", "b9b24d9b-6e9b-4a1c-b8a6-0b7e1f2a3c4d"), (error.ErrorCode, error.Message, error.RequestId));
        Assert.Equal(classification, error.Classification);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task Iam_no_such_entity_is_a_typed_not_found()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(404, """
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role with name web cannot be found.</Message></Error><RequestId>r-9</RequestId></ErrorResponse>
            """, "text/xml"));
        using var iam = endpoint.Factory().CreateIam();

        var error = await Assert.ThrowsAsync<NoSuchEntityException>(() => iam.GetRoleAsync(new GetRoleRequest { RoleName = "web" }, Ct));

        Assert.Equal(AwsErrorClass.NotFound, error.Classification);
        Assert.Equal("r-9", error.RequestId);
    }

    private static Dictionary<string, string> Form(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => Uri.UnescapeDataString(kv[0]), kv => Uri.UnescapeDataString(kv.Length > 1 ? kv[1].Replace('+', ' ') : string.Empty));
}

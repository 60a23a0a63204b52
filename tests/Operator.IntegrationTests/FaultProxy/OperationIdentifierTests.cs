using System.Text;
using AwsFaultProxy;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>How the proxy names calls it has to count, including unsigned ones and paths with resource ids.</summary>
public sealed class OperationIdentifierTests
{
    [Theory]
    [InlineData("AmazonEC2ContainerServiceV20141113.DescribeServices", null, "ecs", "DescribeServices")]
    [InlineData("AmazonEC2ContainerServiceV20141113.CreateCluster", "ecs", "ecs", "CreateCluster")]
    [InlineData("DynamoDB_20120810.GetItem", "dynamodb", "dynamodb", "GetItem")]
    [InlineData("SomeService_2020.DoThing", null, "someservice_2020", "DoThing")]
    public void An_awsjson_call_is_named_from_its_target(string target, string? scope, string service, string operation)
    {
        var request = Request("POST", "/", scope);
        request.Headers["X-Amz-Target"] = target;

        Assert.Equal(new AwsOperation(service, operation, AwsProtocol.AwsJson), OperationIdentifier.Identify(request, "{}"u8));
    }

    [Theory]
    [InlineData("Action=DescribeRules&Version=2015-12-01", "elasticloadbalancing", "DescribeRules")]
    [InlineData("Action=AttachRolePolicy&Version=2010-05-08&RoleName=r", "iam", "AttachRolePolicy")]
    [InlineData("Version=2011-06-15&Action=AssumeRoleWithWebIdentity", "sts", "AssumeRoleWithWebIdentity")]
    public void An_unsigned_awsquery_form_is_named_from_Action_and_its_service_from_Version(string form, string service, string operation)
    {
        var request = Request("POST", "/", scope: null);
        request.ContentType = "application/x-www-form-urlencoded; charset=utf-8";

        var identified = OperationIdentifier.Identify(request, Encoding.UTF8.GetBytes(form));

        Assert.Equal((service, operation, AwsProtocol.AwsQuery), (identified.Service, identified.Operation, identified.Protocol));
    }

    [Fact]
    public void An_awsquery_call_in_the_query_string_is_named_too_and_the_signed_scope_wins_over_Version()
    {
        var request = Request("GET", "/", scope: "iam");
        request.QueryString = new QueryString("?Action=GetRole&Version=2015-12-01&RoleName=x");

        var identified = OperationIdentifier.Identify(request, []);

        Assert.Equal(("iam", "GetRole", "2015-12-01"), (identified.Service, identified.Operation, identified.ApiVersion));
    }

    [Theory]
    [InlineData("GET", "/2015-02-01/file-systems", "DescribeFileSystems")]
    [InlineData("GET", "/2015-02-01/access-points", "DescribeAccessPoints")]
    [InlineData("DELETE", "/2015-02-01/access-points/fsap-0123", "DeleteAccessPoint")]
    [InlineData("PUT", "/2015-02-01/file-systems/fs-1/lifecycle-configuration", "PutLifecycleConfiguration")]
    [InlineData("GET", "/2015-02-01/resource-tags/fs-1", "ListTagsForResource")]
    [InlineData("PATCH", "/2015-02-01/file-systems", "PATCH /2015-02-01/file-systems")]
    public void An_efs_rest_call_is_named_from_its_method_and_path_even_unsigned(string method, string path, string operation)
    {
        var identified = OperationIdentifier.Identify(Request(method, path, scope: null), []);

        Assert.Equal(new AwsOperation(AwsServices.Efs, operation, AwsProtocol.RestJson, "2015-02-01"), identified);
    }

    [Fact]
    public void An_unknown_rest_call_keeps_its_signed_service_and_is_counted_by_method_and_path()
    {
        var identified = OperationIdentifier.Identify(Request("GET", "/v1/things", scope: "lambda"), []);

        Assert.Equal(("lambda", "GET /v1/things"), (identified.Service, identified.Operation));
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20250101/eu-west-1/elasticfilesystem/aws4_request, SignedHeaders=host, Signature=ab", "elasticfilesystem")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/ecs/aws4_request,SignedHeaders=host,Signature=ab", "ecs")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20250101, SignedHeaders=host", null)]
    [InlineData("", null)]
    public void The_service_comes_from_the_sigv4_credential_scope(string authorization, string? service)
    {
        Assert.Equal(service, OperationIdentifier.CredentialScopeService(authorization));
    }

    private static HttpRequest Request(string method, string path, string? scope)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        request.Path = path;
        if (scope is not null)
        {
            request.Headers.Authorization = RawAws.Authorization(scope);
        }

        return request;
    }
}

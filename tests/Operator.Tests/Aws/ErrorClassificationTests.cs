using System.Net;
using EcsOperator.Aws;
using Xunit;

namespace EcsOperator.Tests.Aws;

/// <summary>One classification for retries and conditions.</summary>
public sealed class ErrorClassificationTests
{
    [Theory]
    [InlineData("ThrottlingException", 400, AwsErrorClass.Throttled)]
    [InlineData("Throttling", 400, AwsErrorClass.Throttled)]
    [InlineData("RequestLimitExceeded", 503, AwsErrorClass.Throttled)]
    [InlineData(null, 429, AwsErrorClass.Throttled)]
    [InlineData("ServerException", 500, AwsErrorClass.Transient)]
    [InlineData(null, 503, AwsErrorClass.Transient)]
    [InlineData("ClusterNotFoundException", 400, AwsErrorClass.NotFound)]
    [InlineData("NoSuchEntity", 404, AwsErrorClass.NotFound)]
    [InlineData("FileSystemNotFound", 404, AwsErrorClass.NotFound)]
    [InlineData("DuplicateTargetGroupName", 400, AwsErrorClass.Conflict)]
    [InlineData("EntityAlreadyExists", 409, AwsErrorClass.Conflict)]
    [InlineData("DeleteConflict", 409, AwsErrorClass.Conflict)]
    [InlineData("AccessDeniedException", 400, AwsErrorClass.AccessDenied)]
    [InlineData("UnrecognizedClientException", 400, AwsErrorClass.AccessDenied)]
    [InlineData("SignatureDoesNotMatch", 403, AwsErrorClass.AccessDenied)]
    [InlineData("InvalidParameterException", 400, AwsErrorClass.Invalid)]
    [InlineData("ValidationError", 400, AwsErrorClass.Invalid)]
    [InlineData("TooManyTargetGroups", 400, AwsErrorClass.Invalid)]
    [InlineData("SomethingNew", 400, AwsErrorClass.Unknown)]
    public void Codes_and_statuses_classify(string? code, int status, AwsErrorClass expected) =>
        Assert.Equal(expected, AwsErrors.Classify(code, (HttpStatusCode)status));

    [Fact]
    public void Network_failures_are_transient() =>
        Assert.Equal(AwsErrorClass.Transient, AwsErrors.Classify(new HttpRequestException("connection refused")));
}

using EcsOperator.Aws;
using EcsOperator.Aws.Efs.Model;
using Xunit;

namespace EcsOperator.Tests.Aws;

/// <summary>restJson1 (EFS) against recorded responses: path and query string, PascalCase members, ErrorCode errors.</summary>
public sealed class RestJsonProtocolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Query_members_go_to_the_query_string_of_a_get()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, """{"FileSystems":[]}""", "application/json"));
        using var efs = endpoint.Factory().CreateEfs();

        var response = await efs.DescribeFileSystemsAsync(new DescribeFileSystemsRequest { FileSystemId = "fs-0123", MaxItems = 10 }, Ct);

        Assert.Empty(response.FileSystems!);
        var sent = endpoint.Single;
        Assert.Equal("GET", sent.Method);
        Assert.StartsWith("/2015-02-01/file-systems?", sent.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("FileSystemId=fs-0123", sent.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("MaxItems=10", sent.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(string.Empty, sent.Body);
    }

    [Fact]
    public async Task Access_points_are_read_with_missing_optional_members()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, """
            {"AccessPoints":[{"AccessPointId":"fsap-1","FileSystemId":"fs-0123","LifeCycleState":"available",
              "PosixUser":{"Uid":1000,"Gid":1000}}],"NextToken":"t2"}
            """, "application/json"));
        using var efs = endpoint.Factory().CreateEfs();

        var response = await efs.DescribeAccessPointsAsync(new DescribeAccessPointsRequest { FileSystemId = "fs-0123" }, Ct);

        var ap = Assert.Single(response.AccessPoints!);
        Assert.Equal(("fsap-1", 1000L), (ap.AccessPointId, ap.PosixUser?.Uid));
        Assert.Null(ap.RootDirectory);
        Assert.Null(ap.Tags);
        Assert.Equal("t2", response.NextToken);
    }

    [Fact]
    public async Task An_error_code_in_the_body_maps_to_the_typed_exception()
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(404, """{"ErrorCode":"FileSystemNotFound","Message":"File system 'fs-1' does not exist."}""", "application/json"));
        using var efs = endpoint.Factory().CreateEfs();

        var error = await Assert.ThrowsAsync<FileSystemNotFound>(() => efs.DescribeFileSystemsAsync(new DescribeFileSystemsRequest { FileSystemId = "fs-1" }, Ct));

        Assert.Equal(("FileSystemNotFound", AwsErrorClass.NotFound), (error.ErrorCode, error.Classification));
        Assert.Contains("fs-1", error.Message, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Amazon.Runtime;
using EcsOperator.Aws;
using EcsOperator.Aws.Ecs.Model;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Aws;

/// <summary>
/// moto with its IAM enforcement on (INITIAL_NO_AUTH_ACTION_COUNT): signatures are verified against an access key
/// created in moto's IAM, so only a correctly signed request with the right secret gets through.
/// </summary>
public sealed class SignatureCheckTests : IAsyncLifetime
{
    private const int SetupCalls = 3;
    private readonly MotoServer _moto = new();
    private BasicAWSCredentials? _allowed;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _moto.ServerEnvironment["INITIAL_NO_AUTH_ACTION_COUNT"] = SetupCalls.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await _moto.InitializeAsync();
        var user = TestNames.Unique("signer");
        await AwsCliAsync("iam", "create-user", "--user-name", user);
        await AwsCliAsync("iam", "put-user-policy", "--user-name", user, "--policy-name", "all", "--policy-document",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
        using var key = JsonDocument.Parse(await AwsCliAsync("iam", "create-access-key", "--user-name", user));
        var accessKey = key.RootElement.GetProperty("AccessKey");
        _allowed = new BasicAWSCredentials(accessKey.GetProperty("AccessKeyId").GetString(), accessKey.GetProperty("SecretAccessKey").GetString());
    }

    public async ValueTask DisposeAsync() => await _moto.DisposeAsync();

    [Fact]
    public async Task A_correct_signature_is_accepted()
    {
        using var ecs = MotoAws.Factory(_moto.Endpoint, _allowed).CreateEcs();

        var created = await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = TestNames.Unique("signed") }, Ct);

        Assert.Equal("ACTIVE", created.Cluster?.Status);
    }

    [Fact]
    public async Task Correct_signatures_are_accepted_by_the_query_and_rest_services_too()
    {
        var factory = MotoAws.Factory(_moto.Endpoint, _allowed);
        using var elb = factory.CreateElbv2();
        using var efs = factory.CreateEfs();
        using var iam = factory.CreateIam();

        var groups = await elb.DescribeTargetGroupsAsync(new(), Ct);
        var fileSystems = await efs.DescribeFileSystemsAsync(new(), Ct);
        var missing = await Assert.ThrowsAsync<EcsOperator.Aws.Iam.Model.NoSuchEntityException>(() => iam.GetRoleAsync(new() { RoleName = "absent" }, Ct));

        Assert.NotNull(groups.TargetGroups);
        Assert.NotNull(fileSystems.FileSystems);
        Assert.Equal(AwsErrorClass.NotFound, missing.Classification);
    }

    [Fact]
    public async Task A_wrong_secret_is_rejected_as_signature_does_not_match()
    {
        var wrong = new BasicAWSCredentials(_allowed!.GetCredentials().AccessKey, "not-the-secret");
        using var ecs = MotoAws.Factory(_moto.Endpoint, wrong).CreateEcs();

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => ecs.ListServicesAsync(new ListServicesRequest(), Ct));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(AwsErrorClass.AccessDenied, error.Classification);
    }

    [Fact]
    public async Task An_unknown_access_key_is_rejected()
    {
        using var iam = MotoAws.Factory(_moto.Endpoint, new BasicAWSCredentials("AKIAUNKNOWN000000000", "secret")).CreateIam();

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => iam.GetRoleAsync(new EcsOperator.Aws.Iam.Model.GetRoleRequest { RoleName = "x" }, Ct));

        Assert.Equal(AwsErrorClass.AccessDenied, error.Classification);
    }

    private async Task<string> AwsCliAsync(params string[] args)
    {
        var aws = ExternalTools.Require("aws", "pip install awscli");
        var result = await ProcessRunner.RunAsync(aws, [.. args, "--output", "json"], environment: _moto.ClientEnvironment, cancellationToken: Ct);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.StdOut;
    }
}

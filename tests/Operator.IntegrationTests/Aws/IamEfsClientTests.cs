using EcsOperator.Aws.Efs.Model;
using EcsOperator.Aws.Iam.Model;
using EcsOperator.Testing;
using Xunit;
using Tag = EcsOperator.Aws.Iam.Model.Tag;

namespace EcsOperator.IntegrationTests.Aws;

/// <summary>The IAM (awsQuery, global endpoint) and EFS (restJson1) operations, against moto.</summary>
public sealed class IamEfsClientTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string EcsTasksTrust =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Role_is_created_tagged_given_policies_and_deleted()
    {
        using var iam = MotoAws.Factory(moto).CreateIam();
        var name = TestNames.Unique("role");
        var policy = await CreatePolicyAsync(name);

        var created = await iam.CreateRoleAsync(new CreateRoleRequest
        {
            RoleName = name,
            AssumeRolePolicyDocument = EcsTasksTrust,
            Description = "web task role",
            Tags = [new Tag { Key = "ecs.operator.dev/owner", Value = "ns/TaskDefinition/web" }],
        }, Ct);
        Assert.Equal($"arn:aws:iam::123456789012:role/{name}", created.Role?.Arn);

        await iam.TagRoleAsync(new TagRoleRequest { RoleName = name, Tags = [new Tag { Key = "team", Value = "payments" }] }, Ct);
        await iam.AttachRolePolicyAsync(new AttachRolePolicyRequest { RoleName = name, PolicyArn = policy }, Ct);
        var role = (await iam.GetRoleAsync(new GetRoleRequest { RoleName = name }, Ct)).Role!;
        Assert.Contains(role.Tags!, t => t.Key == "team" && t.Value == "payments");
        Assert.Contains("ecs-tasks.amazonaws.com", Uri.UnescapeDataString(role.AssumeRolePolicyDocument!), StringComparison.Ordinal);
        Assert.Equal([policy], (await iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest { RoleName = name }, Ct)).AttachedPolicies!.Select(p => p.PolicyArn));

        await iam.DetachRolePolicyAsync(new DetachRolePolicyRequest { RoleName = name, PolicyArn = policy }, Ct);
        Assert.Empty((await iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest { RoleName = name }, Ct)).AttachedPolicies!);
        await iam.DeleteRoleAsync(new DeleteRoleRequest { RoleName = name }, Ct);
        var gone = await Assert.ThrowsAsync<NoSuchEntityException>(() => iam.GetRoleAsync(new GetRoleRequest { RoleName = name }, Ct));
        Assert.Equal(EcsOperator.Aws.AwsErrorClass.NotFound, gone.Classification);
    }

    [Fact]
    public async Task File_systems_and_access_points_are_described()
    {
        var seed = await MotoSeed.CreateAsync(moto, Ct);
        using var efs = MotoAws.Factory(moto).CreateEfs();

        var fileSystems = await efs.DescribeFileSystemsAsync(new DescribeFileSystemsRequest { FileSystemId = seed.FileSystemId }, Ct);
        var fs = Assert.Single(fileSystems.FileSystems!);
        Assert.Equal(("available", seed.FileSystemId), (fs.LifeCycleState, fs.FileSystemId));
        Assert.True(fs.CreationTime > DateTime.UtcNow.AddHours(-1), $"CreationTime {fs.CreationTime:o} should be an epoch-seconds timestamp of now");

        var accessPoints = await efs.DescribeAccessPointsAsync(new DescribeAccessPointsRequest { FileSystemId = seed.FileSystemId }, Ct);
        Assert.Equal(seed.AccessPointId, Assert.Single(accessPoints.AccessPoints!).AccessPointId);

        await Assert.ThrowsAsync<FileSystemNotFound>(() => efs.DescribeFileSystemsAsync(new DescribeFileSystemsRequest { FileSystemId = "fs-00000000" }, Ct));
    }

    /// <summary>moto does not load AWS managed policies by default, so the test brings its own.</summary>
    private async Task<string> CreatePolicyAsync(string name)
    {
        var aws = ExternalTools.Require("aws", "pip install awscli");
        var document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:CreateLogStream","Resource":"*"}]}""";
        var result = await ProcessRunner.RunAsync(aws, ["iam", "create-policy", "--policy-name", name, "--policy-document", document, "--query", "Policy.Arn", "--output", "text"], environment: moto.ClientEnvironment, cancellationToken: Ct);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.StdOut.Trim();
    }
}

using EcsOperator.Aws;
using EcsOperator.Aws.Ecs.Model;
using EcsOperator.Testing;
using Xunit;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;
using Iam = EcsOperator.Aws.Iam.Model;

namespace EcsOperator.IntegrationTests.Aws;

/// <summary>The errors moto really returns map to the SDK-named typed exceptions and their classification.</summary>
public sealed class MotoErrorTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ecs_missing_cluster_service_and_task_definition_are_typed()
    {
        using var ecs = MotoAws.Factory(moto).CreateEcs();
        var cluster = TestNames.Unique("err");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster }, Ct);

        var noCluster = await Assert.ThrowsAsync<ClusterNotFoundException>(() => ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = TestNames.Unique("none"), Service = "web" }, Ct));
        var noService = await Assert.ThrowsAsync<ServiceNotFoundException>(() => ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = "web", DesiredCount = 1 }, Ct));
        var noTaskDefinition = await Assert.ThrowsAsync<ClientException>(() => ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = TestNames.Unique("none") + ":1" }, Ct));

        Assert.Equal((AwsErrorClass.NotFound, "ClusterNotFoundException"), (noCluster.Classification, noCluster.ErrorCode));
        Assert.Equal(AwsErrorClass.NotFound, noService.Classification);
        Assert.Equal(AwsErrorClass.Invalid, noTaskDefinition.Classification);
        Assert.False(string.IsNullOrEmpty(noCluster.Message));
        Assert.False(string.IsNullOrEmpty(noCluster.RequestId));
    }

    [Fact]
    public async Task Ecs_invalid_parameters_are_typed()
    {
        using var ecs = MotoAws.Factory(moto).CreateEcs();
        var cluster = TestNames.Unique("inv");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster }, Ct);
        var family = TestNames.Unique("web");
        await ecs.RegisterTaskDefinitionAsync(EcsSamples.TaskDefinition(family), Ct);
        var request = EcsSamples.Service(cluster, "web", family, new MotoSeed("vpc-0", ["subnet-doesnotexist"], "sg-0", "", "", "", ""));

        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => ecs.CreateServiceAsync(request, Ct));

        Assert.Equal(AwsErrorClass.Invalid, error.Classification);
        Assert.Contains("subnet", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Elbv2_conflicts_and_missing_target_groups_are_typed()
    {
        var seed = await MotoSeed.CreateAsync(moto, Ct);
        using var elb = MotoAws.Factory(moto).CreateElbv2();
        var name = TestNames.Unique("dup");
        var tg = await Elbv2ClientTests.CreateTargetGroupAsync(elb, seed, name);

        await Assert.ThrowsAsync<Elb.DuplicateTargetGroupNameException>(() => Elbv2ClientTests.CreateTargetGroupAsync(elb, seed, name));
        var rule = new Elb.CreateRuleRequest
        {
            ListenerArn = seed.ListenerArn,
            Priority = 7,
            Conditions = [new Elb.RuleCondition { Field = "path-pattern", PathPatternConfig = new Elb.PathPatternConditionConfig { Values = ["/x/*"] } }],
            Actions = [new Elb.Action { Type = "forward", TargetGroupArn = tg }],
        };
        await elb.CreateRuleAsync(rule, Ct);
        var priority = await Assert.ThrowsAsync<Elb.PriorityInUseException>(() => elb.CreateRuleAsync(rule, Ct));
        var inUse = await Assert.ThrowsAsync<Elb.ResourceInUseException>(() => elb.DeleteTargetGroupAsync(new Elb.DeleteTargetGroupRequest { TargetGroupArn = tg }, Ct));
        var missing = await Assert.ThrowsAsync<Elb.TargetGroupNotFoundException>(() => elb.DeleteTargetGroupAsync(new Elb.DeleteTargetGroupRequest { TargetGroupArn = tg + "0" }, Ct));

        Assert.Equal(AwsErrorClass.Conflict, priority.Classification);
        Assert.Equal(AwsErrorClass.Conflict, inUse.Classification);
        Assert.Equal(AwsErrorClass.NotFound, missing.Classification);
    }

    [Fact]
    public async Task Iam_existing_and_missing_roles_are_typed()
    {
        using var iam = MotoAws.Factory(moto).CreateIam();
        var name = TestNames.Unique("role");
        var create = new Iam.CreateRoleRequest { RoleName = name, AssumeRolePolicyDocument = """{"Version":"2012-10-17","Statement":[]}""" };
        await iam.CreateRoleAsync(create, Ct);

        var exists = await Assert.ThrowsAsync<Iam.EntityAlreadyExistsException>(() => iam.CreateRoleAsync(create, Ct));
        var missing = await Assert.ThrowsAsync<Iam.NoSuchEntityException>(() => iam.DeleteRoleAsync(new Iam.DeleteRoleRequest { RoleName = name + "x" }, Ct));

        Assert.Equal(AwsErrorClass.Conflict, exists.Classification);
        Assert.Equal(AwsErrorClass.NotFound, missing.Classification);
    }
}

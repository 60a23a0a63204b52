using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Aws.ElasticLoadBalancingV2.Model;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Aws;

/// <summary>Every ELBv2 operation the LoadBalancerBinding controller uses (awsQuery), against moto.</summary>
public sealed class Elbv2ClientTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Target_group_is_created_described_modified_tagged_and_deleted()
    {
        var seed = await MotoSeed.CreateAsync(moto, Ct);
        using var elb = MotoAws.Factory(moto).CreateElbv2();
        var name = TestNames.Unique("tg");

        var created = await elb.CreateTargetGroupAsync(new CreateTargetGroupRequest
        {
            Name = name,
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            VpcId = seed.VpcId,
            TargetType = TargetTypeEnum.Ip,
            HealthCheckPath = "/healthz",
            HealthCheckIntervalSeconds = 15,
            HealthyThresholdCount = 3,
            Tags = [new Tag { Key = "ecs.operator.dev/owner", Value = "ns/LoadBalancerBinding/web" }],
        }, Ct);
        var arn = Assert.Single(created.TargetGroups!).TargetGroupArn!;

        await elb.ModifyTargetGroupAsync(new ModifyTargetGroupRequest { TargetGroupArn = arn, HealthCheckPath = "/ready", HealthCheckIntervalSeconds = 30 }, Ct);
        var described = Assert.Single((await elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = [name] }, Ct)).TargetGroups!);
        Assert.Equal(("/ready", 30, 80, seed.VpcId), (described.HealthCheckPath, described.HealthCheckIntervalSeconds, described.Port, described.VpcId));
        Assert.NotNull(described.LoadBalancerArns);
        Assert.Empty(described.LoadBalancerArns);

        await elb.AddTagsAsync(new AddTagsRequest { ResourceArns = [arn], Tags = [new Tag { Key = "team", Value = "payments" }] }, Ct);
        await elb.RemoveTagsAsync(new RemoveTagsRequest { ResourceArns = [arn], TagKeys = ["ecs.operator.dev/owner"] }, Ct);
        var tags = Assert.Single((await elb.DescribeTagsAsync(new DescribeTagsRequest { ResourceArns = [arn] }, Ct)).TagDescriptions!);
        Assert.Equal([("team", "payments")], tags.Tags!.Select(t => (t.Key, t.Value)));

        await elb.DeleteTargetGroupAsync(new DeleteTargetGroupRequest { TargetGroupArn = arn }, Ct);
        await Assert.ThrowsAsync<TargetGroupNotFoundException>(() => elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { TargetGroupArns = [arn] }, Ct));
    }

    [Fact]
    public async Task Listener_rules_are_created_described_modified_reprioritised_and_deleted()
    {
        var seed = await MotoSeed.CreateAsync(moto, Ct);
        using var elb = MotoAws.Factory(moto).CreateElbv2();
        var lb = Assert.Single((await elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { LoadBalancerArns = [seed.LoadBalancerArn] }, Ct)).LoadBalancers!);
        Assert.Equal(seed.VpcId, lb.VpcId);
        var listener = Assert.Single((await elb.DescribeListenersAsync(new DescribeListenersRequest { LoadBalancerArn = seed.LoadBalancerArn }, Ct)).Listeners!);
        Assert.Equal(seed.ListenerArn, listener.ListenerArn);
        var tg = await CreateTargetGroupAsync(elb, seed);

        var rule = Assert.Single((await elb.CreateRuleAsync(new CreateRuleRequest
        {
            ListenerArn = seed.ListenerArn,
            Priority = 10,
            Conditions =
            [
                new RuleCondition { Field = "host-header", HostHeaderConfig = new HostHeaderConditionConfig { Values = ["web.example.com"] } },
                new RuleCondition { Field = "path-pattern", PathPatternConfig = new PathPatternConditionConfig { Values = ["/*"] } },
            ],
            Actions = [new EcsOperator.Aws.ElasticLoadBalancingV2.Model.Action { Type = ActionTypeEnum.Forward, TargetGroupArn = tg }],
        }, Ct)).Rules!);

        await elb.ModifyRuleAsync(new ModifyRuleRequest
        {
            RuleArn = rule.RuleArn,
            Conditions = [new RuleCondition { Field = "path-pattern", PathPatternConfig = new PathPatternConditionConfig { Values = ["/api/*"] } }],
        }, Ct);
        await elb.SetRulePrioritiesAsync(new SetRulePrioritiesRequest { RulePriorities = [new RulePriorityPair { RuleArn = rule.RuleArn, Priority = 20 }] }, Ct);

        var rules = (await elb.DescribeRulesAsync(new DescribeRulesRequest { ListenerArn = seed.ListenerArn }, Ct)).Rules!;
        var described = Assert.Single(rules, r => r.RuleArn == rule.RuleArn);
        Assert.Equal("20", described.Priority);
        Assert.Equal(["/api/*"], Assert.Single(described.Conditions!).PathPatternConfig?.Values);
        Assert.Contains(rules, r => r.IsDefault == true);

        await elb.DeleteRuleAsync(new DeleteRuleRequest { RuleArn = rule.RuleArn }, Ct);
        Assert.DoesNotContain((await elb.DescribeRulesAsync(new DescribeRulesRequest { ListenerArn = seed.ListenerArn }, Ct)).Rules!, r => r.RuleArn == rule.RuleArn);
    }

    internal static async Task<string> CreateTargetGroupAsync(Elbv2Client elb, MotoSeed seed, string? name = null)
    {
        var created = await elb.CreateTargetGroupAsync(new CreateTargetGroupRequest
        {
            Name = name ?? TestNames.Unique("tg"),
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            VpcId = seed.VpcId,
            TargetType = TargetTypeEnum.Ip,
        }, Ct);
        return Assert.Single(created.TargetGroups!).TargetGroupArn!;
    }
}

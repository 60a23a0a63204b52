using EcsOperator.Entities;
using EcsOperator.Entities.Validation;
using Xunit;

namespace EcsOperator.Tests.Entities.Validation;

public sealed class LoadBalancerBindingValidatorTests
{
    private static LoadBalancerBindingSpec WithTargets(string? arn = null, bool group = false, string? classic = null) => new()
    {
        ServiceRef = new() { Name = "web" },
        ContainerName = "web",
        ContainerPort = 80,
        TargetGroupArn = arn,
        TargetGroup = group ? new TargetGroupSpec { Protocol = "HTTP", Port = 80, VpcId = "vpc-1" } : null,
        LoadBalancerName = classic,
    };

    [Fact]
    public void Exactly_one_target_is_valid()
    {
        Assert.Empty(LoadBalancerBindingValidator.Validate(WithTargets(arn: "arn:tg")));
        Assert.Empty(LoadBalancerBindingValidator.Validate(WithTargets(group: true)));
        Assert.Empty(LoadBalancerBindingValidator.Validate(WithTargets(classic: "legacy-elb")));
    }

    [Fact]
    public void No_target_is_rejected()
    {
        var error = Assert.Single(LoadBalancerBindingValidator.Validate(WithTargets()));

        Assert.Equal("spec.targetGroupArn", error.Field);
        Assert.Contains("none is set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_targets_are_rejected_naming_the_second()
    {
        var error = Assert.Single(LoadBalancerBindingValidator.Validate(WithTargets(arn: "arn:tg", classic: "legacy")));

        Assert.Equal("spec.loadBalancerName", error.Field);
    }

    [Fact]
    public void All_three_targets_are_rejected()
    {
        Assert.Single(LoadBalancerBindingValidator.Validate(WithTargets(arn: "arn:tg", group: true, classic: "legacy")));
    }

    [Fact]
    public void A_listener_rule_needs_a_target_group_not_a_classic_load_balancer()
    {
        var spec = WithTargets(classic: "legacy");
        spec.Listener = new ListenerRuleSpec { Arn = "arn:listener", Priority = 1, PathPatterns = ["/*"] };

        Assert.Equal("spec.listener", Assert.Single(LoadBalancerBindingValidator.Validate(spec)).Field);
    }

    [Fact]
    public void A_listener_rule_needs_a_condition()
    {
        var spec = WithTargets(group: true);
        spec.Listener = new ListenerRuleSpec { Arn = "arn:listener", Priority = 1 };

        Assert.Contains("hostHeaders", Assert.Single(LoadBalancerBindingValidator.Validate(spec)).Message, StringComparison.Ordinal);
    }
}

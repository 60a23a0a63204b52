using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Xunit;

namespace EcsOperator.Tests.Controllers.LoadBalancerBinding;

public sealed class LoadBalancerBindingValidationTests
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
        Assert.Empty(LoadBalancerBindingValidation.Check(new V1alpha1LoadBalancerBinding { Spec = WithTargets(arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc") }));
        Assert.Empty(LoadBalancerBindingValidation.Check(new V1alpha1LoadBalancerBinding { Spec = WithTargets(group: true) }));
        Assert.Empty(LoadBalancerBindingValidation.Check(new V1alpha1LoadBalancerBinding { Spec = WithTargets(classic: "legacy-elb") }));
    }

    [Fact]
    public void No_target_is_rejected()
    {
        var error = Assert.Single(LoadBalancerBindingValidation.Check(new V1alpha1LoadBalancerBinding { Spec = WithTargets() }));

        Assert.Equal("spec.targetGroupArn", error.Field);
        Assert.Contains("none is set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_targets_are_rejected_naming_the_second()
    {
        var error = Assert.Single(LoadBalancerBindingValidation.Check(new V1alpha1LoadBalancerBinding { Spec = WithTargets(arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc", classic: "legacy") }));

        Assert.Equal("spec.loadBalancerName", error.Field);
    }

    [Fact]
    public void All_three_targets_are_rejected()
    {
        Assert.Single(LoadBalancerBindingValidation.Check(new V1alpha1LoadBalancerBinding { Spec = WithTargets(arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc", group: true, classic: "legacy") }));
    }

    [Fact]
    public void A_listener_rule_needs_a_target_group_not_a_classic_load_balancer()
    {
        var spec = WithTargets(classic: "legacy");
        spec.Listener = new ListenerRuleSpec { Arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/demo/abc/def", Priority = 1, PathPatterns = ["/*"] };

        Assert.Equal("spec.listener", Assert.Single(LoadBalancerBindingValidation.Check(new V1alpha1LoadBalancerBinding { Spec = spec })).Field);
    }

    [Fact]
    public void A_listener_rule_needs_a_condition()
    {
        var spec = WithTargets(group: true);
        spec.Listener = new ListenerRuleSpec { Arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/demo/abc/def", Priority = 1 };

        Assert.Contains("hostHeaders", Assert.Single(LoadBalancerBindingValidation.Check(new V1alpha1LoadBalancerBinding { Spec = spec })).Message, StringComparison.Ordinal);
    }
}

using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Entities;
using Xunit;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.Tests.Controllers.LoadBalancerBinding;

public sealed class LoadBalancerBindingDeltaTests
{
    private const string TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1";
    private static readonly Dictionary<string, string> Tags = new() { ["ecs.operator.dev/owner"] = "ns/LoadBalancerBinding/web", ["app"] = "web" };

    private static TargetGroupSpec Spec(Action<TargetGroupSpec>? change = null)
    {
        var spec = new TargetGroupSpec
        {
            Protocol = "HTTP",
            Port = 80,
            VpcId = "vpc-1",
            TargetType = "ip",
            HealthCheck = new TargetGroupHealthCheck { Path = "/healthz", IntervalSeconds = 15, HealthyThresholdCount = 3, HttpCode = "200-399" },
            DeregistrationDelaySeconds = 10,
        };
        change?.Invoke(spec);
        return spec;
    }

    /// <summary>What ELB reports for <see cref="Spec"/>, with its defaults for what the spec leaves out.</summary>
    private static Elb.TargetGroup InAws(Action<Elb.TargetGroup>? change = null)
    {
        var group = new Elb.TargetGroup
        {
            TargetGroupArn = TargetGroupArn,
            TargetGroupName = "web",
            Protocol = "HTTP",
            Port = 80,
            VpcId = "vpc-1",
            TargetType = "ip",
            ProtocolVersion = "HTTP1",
            IpAddressType = "ipv4",
            HealthCheckEnabled = true,
            HealthCheckProtocol = "HTTP",
            HealthCheckPort = "traffic-port",
            HealthCheckPath = "/healthz",
            HealthCheckIntervalSeconds = 15,
            HealthCheckTimeoutSeconds = 5,
            HealthyThresholdCount = 3,
            UnhealthyThresholdCount = 2,
            Matcher = new Elb.Matcher { HttpCode = "200-399" },
        };
        change?.Invoke(group);
        return group;
    }

    private static Dictionary<string, string> Attributes(string delay = "10") => new()
    {
        ["deregistration_delay.timeout_seconds"] = delay,
        ["slow_start.duration_seconds"] = "0",
        ["stickiness.enabled"] = "false",
        ["stickiness.type"] = "lb_cookie",
    };

    private static TargetGroupDelta Delta(TargetGroupSpec spec, Elb.TargetGroup observed, Dictionary<string, string>? attributes = null) =>
        TargetGroupDelta.Compute(spec, observed, attributes ?? Attributes(), Tags, Tags, ["app"]);

    [Fact]
    public void An_unchanged_group_with_ELB_defaults_filled_in_needs_nothing()
    {
        var delta = Delta(Spec(), InAws());

        Assert.True(delta.IsEmpty);
        Assert.Empty(delta.ImmutableChanges);
    }

    [Fact]
    public void A_changed_health_check_sends_only_the_fields_that_differ()
    {
        var delta = Delta(Spec(s => s.HealthCheck!.Path = "/ready"), InAws());

        Assert.Equal("/ready", delta.HealthCheck?.HealthCheckPath);
        Assert.Equal(TargetGroupArn, delta.HealthCheck?.TargetGroupArn);
        Assert.Null(delta.HealthCheck?.HealthCheckIntervalSeconds);
        Assert.Null(delta.HealthCheck?.Matcher);
        Assert.Equal(["healthCheck"], delta.Fields());
    }

    [Fact]
    public void A_changed_matcher_is_sent_whole()
    {
        var delta = Delta(Spec(s => s.HealthCheck!.HttpCode = "200"), InAws());

        Assert.Equal("200", delta.HealthCheck?.Matcher?.HttpCode);
    }

    [Fact]
    public void Out_of_band_health_check_drift_on_a_managed_field_is_reverted()
    {
        var delta = Delta(Spec(), InAws(g => g.HealthCheckIntervalSeconds = 30));

        Assert.Equal(15, delta.HealthCheck?.HealthCheckIntervalSeconds);
    }

    [Fact]
    public void A_health_check_field_the_spec_leaves_out_is_never_drift()
    {
        Assert.True(Delta(Spec(), InAws(g => g.UnhealthyThresholdCount = 7)).IsEmpty);
        Assert.True(Delta(Spec(s => s.HealthCheck = null), InAws(g => g.HealthCheckPath = "/other")).IsEmpty);
    }

    [Fact]
    public void Attributes_that_differ_go_through_ModifyTargetGroupAttributes()
    {
        var delta = Delta(Spec(s => s.Stickiness = new TargetGroupStickiness { Enabled = true, Type = "lb_cookie", CookieDurationSeconds = 60 }), InAws(), Attributes(delay: "300"));

        Assert.Null(delta.HealthCheck);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["deregistration_delay.timeout_seconds"] = "10",
                ["stickiness.enabled"] = "true",
                ["stickiness.lb_cookie.duration_seconds"] = "60",
            },
            delta.Attributes);
    }

    [Fact]
    public void Attributes_the_spec_leaves_out_are_never_drift()
    {
        Assert.True(Delta(Spec(s => s.DeregistrationDelaySeconds = null), InAws(), Attributes(delay: "300")).IsEmpty);
    }

    [Fact]
    public void Tags_are_part_of_the_delta()
    {
        var delta = TargetGroupDelta.Compute(Spec(), InAws(), Attributes(), Tags, new Dictionary<string, string> { ["ecs.operator.dev/owner"] = "ns/LoadBalancerBinding/web" }, null);

        Assert.Equal(["tags"], delta.Fields());
        Assert.Equal("web", delta.Tags.ToSet["app"]);
    }

    [Theory]
    [InlineData("port", "spec.targetGroup.port")]
    [InlineData("protocol", "spec.targetGroup.protocol")]
    [InlineData("vpcId", "spec.targetGroup.vpcId")]
    [InlineData("targetType", "spec.targetGroup.targetType")]
    public void A_field_ELBv2_cannot_modify_is_reported_not_sent(string field, string path)
    {
        Action<TargetGroupSpec> change = field switch
        {
            "port" => s => s.Port = 8080,
            "protocol" => s => s.Protocol = "HTTPS",
            "vpcId" => s => s.VpcId = "vpc-2",
            _ => s => s.TargetType = "instance",
        };

        var delta = Delta(Spec(change), InAws());

        Assert.StartsWith(path, Assert.Single(delta.ImmutableChanges), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_as_ELB_echoes_it_needs_nothing()
    {
        var listener = Listener();
        var observed = new Elb.Rule
        {
            RuleArn = "arn:rule",
            Priority = "10",
            Conditions =
            [
                new() { Field = "path-pattern", Values = ["/b", "/a"], PathPatternConfig = new() { Values = ["/a", "/b"] } },
                new() { Field = "host-header", Values = ["web.example.com"], HostHeaderConfig = new() { Values = ["web.example.com"] } },
                new() { Field = "http-header", HttpHeaderConfig = new() { HttpHeaderName = "X-Canary", Values = ["yes"] } },
                new() { Field = "query-string", QueryStringConfig = new() { Values = [new() { Key = "v", Value = "2" }] } },
            ],
            Actions = [new() { Type = "forward", ForwardConfig = new() { TargetGroups = [new() { TargetGroupArn = TargetGroupArn, Weight = 1 }] } }],
        };

        Assert.True(ListenerRuleDelta.Compute(listener, TargetGroupArn, observed).IsEmpty);
    }

    [Fact]
    public void A_new_priority_goes_through_SetRulePriorities_alone()
    {
        var delta = ListenerRuleDelta.Compute(Listener(priority: 20), TargetGroupArn, Rule(priority: "10"));

        Assert.Equal(new ListenerRuleDelta(false, false, 20), delta);
    }

    [Fact]
    public void Changed_conditions_or_a_new_target_group_go_through_ModifyRule()
    {
        Assert.Equal(new ListenerRuleDelta(true, false, null), ListenerRuleDelta.Compute(Listener(host: "api.example.com"), TargetGroupArn, Rule()));
        Assert.Equal(new ListenerRuleDelta(false, true, null), ListenerRuleDelta.Compute(Listener(), "arn:new-group", Rule()));
    }

    [Fact]
    public void The_forward_target_is_read_from_either_form()
    {
        Assert.Equal(["a"], ListenerRuleDelta.ForwardTargets([new Elb.Action { Type = "forward", TargetGroupArn = "a" }]));
        Assert.Equal(["b"], ListenerRuleDelta.ForwardTargets([new Elb.Action { Type = "forward", ForwardConfig = new() { TargetGroups = [new() { TargetGroupArn = "b" }] } }]));
        Assert.Empty(ListenerRuleDelta.ForwardTargets([new Elb.Action { Type = "fixed-response" }]));
    }

    private static ListenerRuleSpec Listener(int priority = 10, string host = "web.example.com") => new()
    {
        Arn = "arn:listener",
        Priority = priority,
        HostHeaders = [host],
        PathPatterns = ["/a", "/b"],
        HttpHeaders = [new HttpHeaderMatch { Name = "X-Canary", Values = ["yes"] }],
        QueryStrings = [new QueryStringMatch { Values = [new QueryStringPair { Key = "v", Value = "2" }] }],
    };

    private static Elb.Rule Rule(string priority = "10") => new()
    {
        RuleArn = "arn:rule",
        Priority = priority,
        Conditions = LoadBalancerBindingRequest.Conditions(Listener()),
        Actions = LoadBalancerBindingRequest.Forward(TargetGroupArn),
    };
}

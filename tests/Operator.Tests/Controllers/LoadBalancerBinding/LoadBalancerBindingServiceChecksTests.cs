using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Entities;
using Xunit;

namespace EcsOperator.Tests.Controllers.LoadBalancerBinding;

/// <summary>The checks against the Service's task definition, made before any AWS call.</summary>
public sealed class LoadBalancerBindingServiceChecksTests
{
    private static LoadBalancerBindingSpec Spec(Action<LoadBalancerBindingSpec>? change = null)
    {
        var spec = new LoadBalancerBindingSpec
        {
            ServiceRef = new() { Name = "web" },
            ContainerName = "web",
            ContainerPort = 80,
            TargetGroup = new TargetGroupSpec { Protocol = "HTTP", Port = 80, VpcId = "vpc-1", TargetType = "ip" },
        };
        change?.Invoke(spec);
        return spec;
    }

    private static BoundService Service(string networkMode = "awsvpc", bool fargate = true, params BoundTarget[] others) =>
        new("web", networkMode, fargate, [new BoundContainer("web", [(80, null), (9090, null)]), new BoundContainer("sidecar", [])], others);

    [Fact]
    public void A_container_port_the_task_definition_maps_passes()
    {
        Assert.Empty(LoadBalancerBindingValidation.CheckAgainst(Spec(), Service()));
    }

    [Fact]
    public void A_port_the_container_does_not_map_names_containerPort_and_the_ports_it_has()
    {
        var error = Assert.Single(LoadBalancerBindingValidation.CheckAgainst(Spec(s => s.ContainerPort = 8080), Service()));

        Assert.Equal("spec.containerPort", error.Field);
        Assert.Contains("80, 9090", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_container_names_containerName()
    {
        var error = Assert.Single(LoadBalancerBindingValidation.CheckAgainst(Spec(s => s.ContainerName = "api"), Service()));

        Assert.Equal("spec.containerName", error.Field);
        Assert.Contains("web, sidecar", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("awsvpc", "instance", true)]
    [InlineData("awsvpc", null, true)]
    [InlineData("awsvpc", "ip", false)]
    [InlineData("bridge", "ip", true)]
    [InlineData("host", "ip", true)]
    [InlineData("bridge", "instance", false)]
    [InlineData("bridge", null, false)]
    public void The_target_type_must_fit_the_network_mode(string networkMode, string? targetType, bool refused)
    {
        var errors = LoadBalancerBindingValidation.CheckAgainst(Spec(s => s.TargetGroup!.TargetType = targetType), Service(networkMode, fargate: networkMode == "awsvpc"));

        Assert.Equal(refused, errors.Any(e => e.Field == "spec.targetGroup.targetType"));
    }

    [Theory]
    [InlineData("awsvpc", false, true)]
    [InlineData("bridge", true, true)]
    [InlineData("bridge", false, false)]
    public void A_classic_load_balancer_is_refused_with_awsvpc_or_fargate(string networkMode, bool fargate, bool refused)
    {
        var spec = Spec(s =>
        {
            s.TargetGroup = null;
            s.LoadBalancerName = "legacy";
        });

        var errors = LoadBalancerBindingValidation.CheckAgainst(spec, Service(networkMode, fargate));

        Assert.Equal(refused, errors.Any(e => e.Field == "spec.loadBalancerName"));
    }

    [Fact]
    public void A_sixth_load_balancer_on_a_service_is_refused()
    {
        var others = Enumerable.Range(1, 5).Select(i => new BoundTarget($"b{i}", $"arn:tg{i}", null, "web", 80)).ToArray();

        var error = Assert.Single(LoadBalancerBindingValidation.CheckAgainst(Spec(), Service(others: others)));

        Assert.Equal("spec.serviceRef", error.Field);
        Assert.Contains("5 load balancers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_entry_names_the_other_binding()
    {
        var spec = Spec(s =>
        {
            s.TargetGroup = null;
            s.TargetGroupArn = "arn:tg1";
        });

        var error = Assert.Single(LoadBalancerBindingValidation.CheckAgainst(spec, Service(others: new BoundTarget("first", "arn:tg1", null, "web", 80))));

        Assert.Equal("spec.targetGroupArn", error.Field);
        Assert.Contains("binding first", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TCP")]
    [InlineData("UDP")]
    [InlineData("TLS")]
    public void A_listener_rule_on_a_network_target_group_is_refused(string protocol)
    {
        var obj = new V1alpha1LoadBalancerBinding
        {
            Spec = Spec(s =>
            {
                s.TargetGroup!.Protocol = protocol;
                s.Listener = new ListenerRuleSpec { Arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/demo/abc/def", Priority = 1, PathPatterns = ["/*"] };
            }),
        };

        var error = Assert.Single(LoadBalancerBindingValidation.Check(obj));

        Assert.Equal("spec.listener", error.Field);
        Assert.Contains("Application Load Balancer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listener_rule_on_a_network_load_balancer_listener_is_refused_also_for_an_existing_target_group()
    {
        var obj = new V1alpha1LoadBalancerBinding
        {
            Spec = Spec(s =>
            {
                s.TargetGroup = null;
                s.TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tcp/0123456789abcdef";
                s.Listener = new ListenerRuleSpec { Arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/net/demo/abc/def", Priority = 1, PathPatterns = ["/*"] };
            }),
        };

        var error = Assert.Single(LoadBalancerBindingValidation.Check(obj));

        Assert.Equal("spec.listener.arn", error.Field);
        Assert.Contains("Application Load Balancer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_header_or_query_string_alone_is_a_valid_rule_condition()
    {
        var obj = new V1alpha1LoadBalancerBinding
        {
            Spec = Spec(s => s.Listener = new ListenerRuleSpec { Arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/demo/abc/def", Priority = 1, HttpHeaders = [new HttpHeaderMatch { Name = "X-Canary", Values = ["1"] }] }),
        };

        Assert.Empty(LoadBalancerBindingValidation.Check(obj));
    }

    [Fact]
    public void A_cookie_name_needs_app_cookie_stickiness()
    {
        var obj = new V1alpha1LoadBalancerBinding { Spec = Spec(s => s.TargetGroup!.Stickiness = new TargetGroupStickiness { Enabled = true, Type = "lb_cookie", CookieName = "SESSION" }) };

        Assert.Equal("spec.targetGroup.stickiness.cookieName", Assert.Single(LoadBalancerBindingValidation.Check(obj)).Field);
    }
}

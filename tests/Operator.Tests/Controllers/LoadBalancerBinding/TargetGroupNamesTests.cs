using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Entities;
using Xunit;

namespace EcsOperator.Tests.Controllers.LoadBalancerBinding;

public sealed class TargetGroupNamesTests
{
    private static TargetGroupSpec Group(Action<TargetGroupSpec>? change = null)
    {
        var spec = new TargetGroupSpec { Protocol = "HTTP", Port = 80, VpcId = "vpc-1", TargetType = "ip" };
        change?.Invoke(spec);
        return spec;
    }

    [Fact]
    public void The_name_is_deterministic_readable_and_within_32_characters()
    {
        var name = TargetGroupNames.For("shop", "web", "uid-1", Group());

        Assert.Equal(name, TargetGroupNames.For("shop", "web", "uid-1", Group()));
        Assert.StartsWith("shop-web-", name, StringComparison.Ordinal);
        Assert.True(name.Length <= TargetGroupNames.MaxLength);
        Assert.Matches("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$", name);
    }

    [Fact]
    public void Long_and_odd_names_are_cut_to_32_characters_of_letters_digits_and_single_hyphens()
    {
        var name = TargetGroupNames.For("a-very-long-namespace.name", "binding--with..dots-and-a-long-name", "uid-1", Group());

        Assert.True(name.Length <= TargetGroupNames.MaxLength, name);
        Assert.Matches("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$", name);
        Assert.DoesNotContain("--", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("protocol")]
    [InlineData("port")]
    [InlineData("vpcId")]
    [InlineData("targetType")]
    [InlineData("protocolVersion")]
    [InlineData("ipAddressType")]
    public void Each_field_ELBv2_cannot_modify_changes_the_name(string field)
    {
        Action<TargetGroupSpec> change = field switch
        {
            "protocol" => s => s.Protocol = "HTTPS",
            "port" => s => s.Port = 8080,
            "vpcId" => s => s.VpcId = "vpc-2",
            "targetType" => s => s.TargetType = "instance",
            "protocolVersion" => s => s.ProtocolVersion = "HTTP2",
            _ => s => s.IpAddressType = "ipv6",
        };

        Assert.NotEqual(TargetGroupNames.For("shop", "web", "uid-1", Group()), TargetGroupNames.For("shop", "web", "uid-1", Group(change)));
    }

    [Fact]
    public void Fields_ELBv2_can_modify_keep_the_name()
    {
        var changed = Group(s =>
        {
            s.HealthCheck = new TargetGroupHealthCheck { Path = "/healthz" };
            s.DeregistrationDelaySeconds = 5;
            s.Stickiness = new TargetGroupStickiness { Enabled = true };
        });

        Assert.Equal(TargetGroupNames.For("shop", "web", "uid-1", Group()), TargetGroupNames.For("shop", "web", "uid-1", changed));
    }

    [Fact]
    public void The_owner_and_the_kubernetes_cluster_are_part_of_the_name()
    {
        var name = TargetGroupNames.For("shop", "web", "uid-1", Group());

        Assert.NotEqual(name, TargetGroupNames.For("shop", "web", "uid-2", Group()));
        Assert.NotEqual(name, TargetGroupNames.For("shop", "api", "uid-1", Group()));
        Assert.NotEqual(name, TargetGroupNames.For("shop2", "web", "uid-1", Group()));
    }

    [Fact]
    public void An_explicit_name_is_used_as_is()
    {
        Assert.Equal("my-tg", TargetGroupNames.For("shop", "web", "uid-1", Group(s => s.Name = "my-tg")));
    }

    [Fact]
    public void The_default_protocol_version_is_HTTP1_for_http_groups_only()
    {
        Assert.Equal("HTTP1", TargetGroupNames.ProtocolVersionOf(Group()));
        Assert.Null(TargetGroupNames.ProtocolVersionOf(Group(s => s.Protocol = "TCP")));
    }
}

using EcsOperator.Controllers.Cluster;
using EcsOperator.Entities;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Tests.Controllers.Cluster;

public sealed class ClusterDeltaTests
{
    private static readonly Dictionary<string, string> OwnerTags = new() { ["ecs.operator.dev/owner"] = "ns/Cluster/demo", ["ecs.operator.dev/cluster-id"] = "uid" };

    private static Ecs.Cluster Observed(Action<Ecs.Cluster>? change = null)
    {
        var cluster = new Ecs.Cluster
        {
            ClusterName = "demo",
            ClusterArn = "arn:aws:ecs:us-east-1:123456789012:cluster/demo",
            Status = "ACTIVE",
            Settings = [new Ecs.ClusterSetting { Name = "containerInsights", Value = "enabled" }],
            CapacityProviders = ["FARGATE", "FARGATE_SPOT"],
            DefaultCapacityProviderStrategy = [new Ecs.CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1, Base = 0 }],
            Tags = [.. OwnerTags.Select(t => new Ecs.Tag { Key = t.Key, Value = t.Value }), new Ecs.Tag { Key = "team", Value = "payments" }],
        };
        change?.Invoke(cluster);
        return cluster;
    }

    private static ClusterSpec Spec(Action<ClusterSpec>? change = null)
    {
        var spec = new ClusterSpec
        {
            ContainerInsights = "enabled",
            CapacityProviders = ["FARGATE_SPOT", "FARGATE"],
            DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1 }],
            Tags = new Dictionary<string, string> { ["team"] = "payments" },
        };
        change?.Invoke(spec);
        return spec;
    }

    private static ClusterDelta Delta(ClusterSpec spec, Ecs.Cluster observed, IEnumerable<string>? applied = null, ClusterStatus? status = null)
    {
        var obj = new V1alpha1Cluster { Spec = spec, Status = status ?? new ClusterStatus() };
        obj.Status.AppliedTagKeys = (applied ?? spec.Tags?.Keys)?.ToList();
        return ClusterDelta.Compute(obj, new Dictionary<string, string>(spec.Tags ?? new Dictionary<string, string>()).Concat(OwnerTags).ToDictionary(), observed);
    }

    private const string NamespaceArn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-aaaa";

    [Fact]
    public void A_changed_service_connect_namespace_is_sent_although_ecs_has_one_already()
    {
        var observed = Observed();
        observed.ServiceConnectDefaults = new Ecs.ClusterServiceConnectDefaults { Namespace = NamespaceArn };
        var applied = new ClusterStatus { AppliedServiceConnectNamespace = "old", ServiceConnectNamespaceArn = NamespaceArn };

        var delta = Delta(Spec(s => s.ServiceConnectDefaults = new() { Namespace = "new" }), observed, status: applied);

        Assert.Equal("new", delta.ServiceConnectDefaults?.Namespace);
    }

    [Fact]
    public void An_applied_service_connect_namespace_needs_no_call()
    {
        var observed = Observed();
        observed.ServiceConnectDefaults = new Ecs.ClusterServiceConnectDefaults { Namespace = NamespaceArn };
        var applied = new ClusterStatus { AppliedServiceConnectNamespace = "apps", ServiceConnectNamespaceArn = NamespaceArn };

        Assert.True(Delta(Spec(s => s.ServiceConnectDefaults = new() { Namespace = "apps" }), observed, status: applied).IsEmpty);
    }

    [Fact]
    public void A_service_connect_namespace_changed_outside_the_operator_is_drift()
    {
        var observed = Observed();
        observed.ServiceConnectDefaults = new Ecs.ClusterServiceConnectDefaults { Namespace = NamespaceArn + "-other" };
        var applied = new ClusterStatus { AppliedServiceConnectNamespace = "apps", ServiceConnectNamespaceArn = NamespaceArn };

        Assert.Equal("apps", Delta(Spec(s => s.ServiceConnectDefaults = new() { Namespace = "apps" }), observed, status: applied).ServiceConnectDefaults?.Namespace);
    }

    [Fact]
    public void A_service_connect_namespace_given_as_an_arn_is_compared_directly()
    {
        var observed = Observed();
        observed.ServiceConnectDefaults = new Ecs.ClusterServiceConnectDefaults { Namespace = NamespaceArn };

        Assert.True(Delta(Spec(s => s.ServiceConnectDefaults = new() { Namespace = NamespaceArn }), observed).IsEmpty);
        Assert.NotNull(Delta(Spec(s => s.ServiceConnectDefaults = new() { Namespace = NamespaceArn + "b" }), observed).ServiceConnectDefaults);
    }

    [Fact]
    public void A_cluster_that_matches_needs_no_call()
    {
        Assert.True(Delta(Spec(), Observed()).IsEmpty);
    }

    [Fact]
    public void Fields_the_spec_leaves_out_are_not_managed()
    {
        var spec = new ClusterSpec { Tags = new Dictionary<string, string> { ["team"] = "payments" } };

        Assert.True(Delta(spec, Observed()).IsEmpty);
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("enhanced")]
    public void Changed_container_insights_is_one_update_cluster(string value)
    {
        var delta = Delta(Spec(s => s.ContainerInsights = value), Observed());

        Assert.True(delta.NeedsUpdateCluster);
        Assert.Equal(value, Assert.Single(delta.Settings).Value);
        Assert.Null(delta.CapacityProviders);
        Assert.True(delta.Tags.IsEmpty);
    }

    [Fact]
    public void Container_insights_absent_in_aws_counts_as_disabled()
    {
        Assert.True(Delta(Spec(s => s.ContainerInsights = "disabled"), Observed(c => c.Settings = null)).IsEmpty);
    }

    [Fact]
    public void Changed_capacity_providers_send_both_lists()
    {
        var delta = Delta(Spec(s => s.CapacityProviders = ["FARGATE"]), Observed());

        Assert.Equal(["FARGATE"], delta.CapacityProviders!.CapacityProviders);
        Assert.Equal("FARGATE", Assert.Single(delta.CapacityProviders.DefaultCapacityProviderStrategy).CapacityProvider);
        Assert.False(delta.NeedsUpdateCluster);
    }

    [Fact]
    public void Changed_strategy_keeps_the_providers_aws_has_when_the_spec_omits_them()
    {
        var spec = Spec(s =>
        {
            s.CapacityProviders = null;
            s.DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 3, Base = 1 }];
        });

        var change = Delta(spec, Observed()).CapacityProviders!;

        Assert.Equal(["FARGATE", "FARGATE_SPOT"], change.CapacityProviders);
        Assert.Equal(3, Assert.Single(change.DefaultCapacityProviderStrategy).Weight);
    }

    [Fact]
    public void Strategy_order_and_a_spelled_out_zero_base_change_nothing()
    {
        var observed = Observed(c => c.DefaultCapacityProviderStrategy =
        [
            new Ecs.CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 2 },
            new Ecs.CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1, Base = 0 },
        ]);
        var spec = Spec(s => s.DefaultCapacityProviderStrategy =
        [
            new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1 },
            new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 2, Base = 0 },
        ]);

        Assert.Null(Delta(spec, observed).CapacityProviders);
    }

    [Fact]
    public void Changed_user_tag_is_tagged_and_a_removed_one_untagged()
    {
        var spec = Spec(s => s.Tags = new Dictionary<string, string> { ["env"] = "prod" });

        var delta = Delta(spec, Observed(), applied: ["team"]);

        Assert.Equal("prod", delta.Tags.ToSet["env"]);
        Assert.Equal(["team"], delta.Tags.ToRemove);
    }

    [Fact]
    public void A_console_added_tag_survives()
    {
        var observed = Observed(c => c.Tags!.Add(new Ecs.Tag { Key = "cost-center", Value = "42" }));

        Assert.True(Delta(Spec(), observed).IsEmpty);
    }

    [Fact]
    public void A_missing_ownership_tag_is_put_back()
    {
        var observed = Observed(c => c.Tags!.RemoveAll(t => t.Key == "ecs.operator.dev/cluster-id"));

        Assert.Equal("uid", Delta(Spec(), observed).Tags.ToSet["ecs.operator.dev/cluster-id"]);
    }

    [Fact]
    public void Changed_execute_command_configuration_is_an_update_cluster()
    {
        var spec = Spec(s => s.Configuration = new ClusterConfiguration { ExecuteCommandConfiguration = new ExecuteCommandConfiguration { Logging = "NONE" } });

        var delta = Delta(spec, Observed());

        Assert.Equal("NONE", delta.Configuration!.ExecuteCommandConfiguration!.Logging);
    }

    [Fact]
    public void Same_configuration_is_no_update()
    {
        var spec = Spec(s => s.Configuration = new ClusterConfiguration { ExecuteCommandConfiguration = new ExecuteCommandConfiguration { Logging = "DEFAULT" } });
        var observed = Observed(c => c.Configuration = new Ecs.ClusterConfiguration { ExecuteCommandConfiguration = new Ecs.ExecuteCommandConfiguration { Logging = "DEFAULT" } });

        Assert.Null(Delta(spec, observed).Configuration);
    }
}

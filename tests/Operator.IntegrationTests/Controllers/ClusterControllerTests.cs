using EcsOperator.Entities;
using EcsOperator.Testing;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>Issue 7's Cluster acceptance lines, against LocalKube + moto with the operator running in-process.</summary>
public sealed class ClusterControllerTests(OperatorStack stack) : IClassFixture<OperatorStack>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static V1alpha1Cluster NewCluster(string ns, string name, Action<ClusterSpec>? change = null)
    {
        var obj = new V1alpha1Cluster
        {
            Metadata = new() { Name = "demo", NamespaceProperty = ns },
            Spec = new ClusterSpec
            {
                ClusterName = name,
                ContainerInsights = "enabled",
                CapacityProviders = ["FARGATE", "FARGATE_SPOT"],
                DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1, Base = 0 }],
                Tags = new Dictionary<string, string> { ["team"] = "payments", ["env"] = "test" },
            },
        };
        change?.Invoke(obj.Spec);
        return obj;
    }

    [Fact]
    public async Task Applied_cluster_becomes_ready_with_its_settings_providers_and_tags_in_ecs()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("cl-create"));
        var name = TestNames.Unique("cl");
        await stack.Objects.CreateAsync(NewCluster(ns, name));

        var ready = await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "demo");

        var cluster = await stack.Ecs.ClusterAsync(name);
        Assert.NotNull(cluster);
        Assert.Equal("ACTIVE", cluster.Status);
        Assert.Equal(cluster.ClusterArn, ready.Status.Arn);
        Assert.Equal(name, ready.Status.ClusterName);
        Assert.Equal("ACTIVE", ready.Status.State);
        Assert.Equal(0, ready.Status.ActiveServicesCount);
        Assert.Equal("enabled", cluster.Settings!.Single(s => s.Name == "containerInsights").Value);
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], cluster.CapacityProviders!.Order());
        Assert.Equal("FARGATE", Assert.Single(cluster.DefaultCapacityProviderStrategy!).CapacityProvider);
        var tags = cluster.Tags.TagMap();
        Assert.Equal("payments", tags["team"]);
        Assert.Equal($"{ns}/Cluster/demo", tags[WellKnown.OwnerTag]);
        Assert.Equal(OperatorStack.ClusterId, tags[WellKnown.ClusterIdTag]);
        Assert.Contains("ClusterCreated", await stack.Objects.EventReasonsAsync(ns, "demo", "ClusterCreated"));
    }

    [Fact]
    public async Task Editing_each_mutable_field_changes_ecs_and_spares_a_console_added_tag()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("cl-update"));
        var name = TestNames.Unique("cl");
        await stack.Objects.CreateAsync(NewCluster(ns, name));
        var ready = await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "demo");
        await stack.Ecs.TagResourceAsync(new Ecs.TagResourceRequest { ResourceArn = ready.Status.Arn, Tags = [new Ecs.Tag { Key = "cost-center", Value = "42" }] }, Token);

        var edited = await stack.Objects.UpdateAsync<V1alpha1Cluster>(ns, "demo", c =>
        {
            c.Spec.ContainerInsights = "disabled";
            c.Spec.CapacityProviders = ["FARGATE_SPOT"];
            c.Spec.DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 2, Base = 1 }];
            c.Spec.Tags = new Dictionary<string, string> { ["team"] = "platform", ["tier"] = "gold" };
        });
        var converged = await stack.Objects.WaitForAsync<V1alpha1Cluster>(ns, "demo", c => KubeObjects.IsReady(c) && c.Metadata.Generation == edited.Metadata.Generation, "Ready for the edit");

        Assert.Equal(converged.Metadata.Generation, converged.Status.ObservedGeneration);
        var cluster = (await stack.Ecs.ClusterAsync(name))!;
        Assert.Equal("disabled", cluster.Settings!.Single(s => s.Name == "containerInsights").Value);
        Assert.Equal(["FARGATE_SPOT"], cluster.CapacityProviders);
        var strategy = Assert.Single(cluster.DefaultCapacityProviderStrategy!);
        Assert.Equal((2, 1), (strategy.Weight, strategy.Base));
        var tags = cluster.Tags.TagMap();
        Assert.Equal("platform", tags["team"]);
        Assert.Equal("gold", tags["tier"]);
        Assert.False(tags.ContainsKey("env"), "a tag removed from the spec is untagged");
        Assert.Equal("42", tags["cost-center"]);
        Assert.Equal($"{ns}/Cluster/demo", tags[WellKnown.OwnerTag]);
        var reasons = await stack.Objects.EventReasonsAsync(ns, "demo", "TagsRemoved");
        Assert.Contains("ClusterUpdated", reasons);
        Assert.Contains("CapacityProvidersUpdated", reasons);
        Assert.Contains("TagsUpdated", reasons);
        Assert.Contains("TagsRemoved", reasons);
    }

    [Fact]
    public async Task Deleting_the_object_deletes_the_ecs_cluster()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("cl-delete"));
        var name = TestNames.Unique("cl");
        await stack.Objects.CreateAsync(NewCluster(ns, name));
        await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "demo");

        await stack.Objects.DeleteAsync<V1alpha1Cluster>(ns, "demo");
        await stack.Objects.WaitGoneAsync<V1alpha1Cluster>(ns, "demo");

        Assert.Equal("INACTIVE", (await stack.Ecs.ClusterAsync(name))?.Status ?? "INACTIVE");
    }

    [Fact]
    public async Task Retain_keeps_the_ecs_cluster_after_the_object_is_gone()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("cl-retain"));
        var name = TestNames.Unique("cl");
        await stack.Objects.CreateAsync(NewCluster(ns, name, s => s.DeletionPolicy = DeletionPolicy.Retain));
        await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "demo");

        await stack.Objects.DeleteAsync<V1alpha1Cluster>(ns, "demo");
        await stack.Objects.WaitGoneAsync<V1alpha1Cluster>(ns, "demo");

        Assert.Equal("ACTIVE", (await stack.Ecs.ClusterAsync(name))!.Status);
    }

    [Fact]
    public async Task Delete_waits_while_services_remain_and_names_them()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("cl-deps"));
        var name = TestNames.Unique("cl");
        await stack.Objects.CreateAsync(NewCluster(ns, name));
        await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "demo");
        var family = TestNames.Unique("td");
        await stack.Ecs.RegisterTaskDefinitionAsync(new Ecs.RegisterTaskDefinitionRequest { Family = family, ContainerDefinitions = [new Ecs.ContainerDefinition { Name = "app", Image = "nginx", Memory = 128 }] }, Token);
        await stack.Ecs.CreateServiceAsync(new Ecs.CreateServiceRequest { Cluster = name, ServiceName = "web", TaskDefinition = family, DesiredCount = 0 }, Token);

        await stack.Objects.DeleteAsync<V1alpha1Cluster>(ns, "demo");
        var waiting = await stack.Objects.WaitConditionAsync<V1alpha1Cluster>(ns, "demo", ConditionTypes.Reconciling, "DependentsExist");

        Assert.Contains("web", KubeObjects.Condition(waiting, ConditionTypes.Reconciling)!.Message, StringComparison.Ordinal);
        Assert.Equal("ACTIVE", (await stack.Ecs.ClusterAsync(name))!.Status);

        await stack.Ecs.DeleteServiceAsync(new Ecs.DeleteServiceRequest { Cluster = name, Service = "web", Force = true }, Token);
        await stack.Objects.WaitGoneAsync<V1alpha1Cluster>(ns, "demo");
        Assert.Equal("INACTIVE", (await stack.Ecs.ClusterAsync(name))?.Status ?? "INACTIVE");
    }

    [Fact]
    public async Task Existing_unowned_cluster_is_refused_until_adopted_then_retained_on_delete()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("cl-adopt"));
        var name = TestNames.Unique("cl");
        await stack.Ecs.CreateClusterAsync(new Ecs.CreateClusterRequest { ClusterName = name, Tags = [new Ecs.Tag { Key = "owner", Value = "console" }] }, Token);
        await stack.Objects.CreateAsync(NewCluster(ns, name));

        var refused = await stack.Objects.WaitConditionAsync<V1alpha1Cluster>(ns, "demo", ConditionTypes.Stalled, "AlreadyExists");
        Assert.Contains(WellKnown.AdoptAnnotation, KubeObjects.Condition(refused, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        var untouched = (await stack.Ecs.ClusterAsync(name))!;
        Assert.False(untouched.Tags.TagMap().ContainsKey(WellKnown.OwnerTag));
        Assert.Empty(untouched.CapacityProviders ?? []);

        await stack.Objects.UpdateAsync<V1alpha1Cluster>(ns, "demo", c => c.Metadata.Annotations = new Dictionary<string, string> { [WellKnown.AdoptAnnotation] = "true" });
        await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "demo");
        var adopted = (await stack.Ecs.ClusterAsync(name))!;
        Assert.Equal($"{ns}/Cluster/demo", adopted.Tags.TagMap()[WellKnown.OwnerTag]);
        Assert.Equal("console", adopted.Tags.TagMap()["owner"]);
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], adopted.CapacityProviders!.Order());

        await stack.Objects.DeleteAsync<V1alpha1Cluster>(ns, "demo");
        await stack.Objects.WaitGoneAsync<V1alpha1Cluster>(ns, "demo");
        Assert.Equal("ACTIVE", (await stack.Ecs.ClusterAsync(name))!.Status);
    }

    [Fact]
    public async Task Operator_prefixed_user_tag_stalls_with_invalid_spec_and_creates_nothing()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("cl-invalid"));
        var name = TestNames.Unique("cl");
        await stack.Objects.CreateAsync(NewCluster(ns, name, s => s.Tags = new Dictionary<string, string> { [WellKnown.OwnerTag] = "someone-else" }));

        var stalled = await stack.Objects.WaitConditionAsync<V1alpha1Cluster>(ns, "demo", ConditionTypes.Stalled, "InvalidSpec");

        Assert.Contains($"spec.tags[{WellKnown.OwnerTag}]", KubeObjects.Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Null(await stack.Ecs.ClusterAsync(name));
    }

    [Fact]
    public async Task Renaming_the_cluster_stalls_with_immutable_field_changed()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("cl-rename"));
        var name = TestNames.Unique("cl");
        await stack.Objects.CreateAsync(NewCluster(ns, name));
        await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "demo");

        await stack.Objects.UpdateAsync<V1alpha1Cluster>(ns, "demo", c => c.Spec.ClusterName = name + "-renamed");
        var stalled = await stack.Objects.WaitConditionAsync<V1alpha1Cluster>(ns, "demo", ConditionTypes.Stalled, "ImmutableFieldChanged");

        Assert.Contains("spec.clusterName", KubeObjects.Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Null(await stack.Ecs.ClusterAsync(name + "-renamed"));
    }
}

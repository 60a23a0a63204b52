using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Ecs.Model;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Aws;

/// <summary>Every ECS operation the controllers use, against moto, through the operator's own client.</summary>
public sealed class EcsClientTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cluster_lifecycle_creates_describes_updates_and_deletes()
    {
        using var ecs = MotoAws.Factory(moto).CreateEcs();
        var name = TestNames.Unique("cl");

        var created = await ecs.CreateClusterAsync(new CreateClusterRequest
        {
            ClusterName = name,
            Settings = [new ClusterSetting { Name = ClusterSettingName.ContainerInsights, Value = "enabled" }],
            Tags = [new Tag { Key = "team", Value = "payments" }],
        }, Ct);
        Assert.Equal(name, created.Cluster?.ClusterName);
        Assert.StartsWith("arn:aws:ecs:us-east-1:", created.Cluster?.ClusterArn, StringComparison.Ordinal);

        await ecs.UpdateClusterAsync(new UpdateClusterRequest
        {
            Cluster = name,
            Settings = [new ClusterSetting { Name = ClusterSettingName.ContainerInsights, Value = "disabled" }],
        }, Ct);
        var withProviders = await ecs.PutClusterCapacityProvidersAsync(new PutClusterCapacityProvidersRequest
        {
            Cluster = name,
            CapacityProviders = ["FARGATE", "FARGATE_SPOT"],
            DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1, Base = 0 }],
        }, Ct);
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], withProviders.Cluster?.CapacityProviders);

        var described = await ecs.DescribeClustersAsync(new DescribeClustersRequest
        {
            Clusters = [name, TestNames.Unique("missing")],
            Include = [ClusterField.SETTINGS, ClusterField.TAGS],
        }, Ct);
        var cluster = Assert.Single(described.Clusters!);
        Assert.Equal("ACTIVE", cluster.Status);
        Assert.Contains(cluster.Settings!, s => s.Name == "containerInsights" && s.Value == "disabled");
        Assert.Contains(cluster.Tags!, t => t.Key == "team" && t.Value == "payments");
        Assert.Equal("MISSING", Assert.Single(described.Failures!).Reason);

        var deleted = await ecs.DeleteClusterAsync(new DeleteClusterRequest { Cluster = name }, Ct);
        Assert.Equal("INACTIVE", deleted.Cluster?.Status);
    }

    [Fact]
    public async Task Tags_are_added_listed_and_removed_on_a_cluster()
    {
        using var ecs = MotoAws.Factory(moto).CreateEcs();
        var arn = (await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = TestNames.Unique("tag") }, Ct)).Cluster!.ClusterArn!;

        await ecs.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "a", Value = "1" }, new Tag { Key = "b", Value = "2" }] }, Ct);
        await ecs.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["a"] }, Ct);
        var tags = await ecs.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn }, Ct);

        var tag = Assert.Single(tags.Tags!);
        Assert.Equal(("b", "2"), (tag.Key, tag.Value));
    }

    [Fact]
    public async Task Task_definition_revisions_register_describe_list_deregister_and_delete()
    {
        using var ecs = MotoAws.Factory(moto).CreateEcs();
        var family = TestNames.Unique("td");

        var first = await ecs.RegisterTaskDefinitionAsync(EcsSamples.TaskDefinition(family), Ct);
        var second = await ecs.RegisterTaskDefinitionAsync(EcsSamples.TaskDefinition(family), Ct);
        Assert.Equal(1, first.TaskDefinition?.Revision);
        Assert.Equal(2, second.TaskDefinition?.Revision);

        var described = await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest
        {
            TaskDefinition = $"{family}:1",
            Include = [TaskDefinitionField.TAGS],
        }, Ct);
        var container = Assert.Single(described.TaskDefinition!.ContainerDefinitions!);
        Assert.Equal("nginx:1.27", container.Image);
        Assert.Equal(80, Assert.Single(container.PortMappings!).ContainerPort);
        Assert.Equal("fs-0123", Assert.Single(described.TaskDefinition.Volumes!).EfsVolumeConfiguration?.FileSystemId);
        Assert.Contains(described.Tags!, t => t.Key == "app" && t.Value == "web");

        var listed = await ecs.ListTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = family, Status = TaskDefinitionStatus.ACTIVE }, Ct);
        Assert.Equal(2, listed.TaskDefinitionArns!.Count);

        var deregistered = await ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = $"{family}:1" }, Ct);
        Assert.Equal("INACTIVE", deregistered.TaskDefinition?.Status);
        var deleted = await ecs.DeleteTaskDefinitionsAsync(new DeleteTaskDefinitionsRequest { TaskDefinitions = [first.TaskDefinition!.TaskDefinitionArn!] }, Ct);
        Assert.Empty(deleted.Failures ?? []);
    }

    [Fact]
    public async Task Service_lifecycle_creates_describes_updates_lists_and_deletes()
    {
        using var ecs = MotoAws.Factory(moto).CreateEcs();
        var cluster = TestNames.Unique("svc");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster }, Ct);
        var family = TestNames.Unique("web");
        await ecs.RegisterTaskDefinitionAsync(EcsSamples.TaskDefinition(family), Ct);

        var network = await MotoSeed.CreateAsync(moto, Ct);

        var created = await ecs.CreateServiceAsync(EcsSamples.Service(cluster, "web", family, network), Ct);
        Assert.Equal("web", created.Service?.ServiceName);
        Assert.Equal(2, created.Service?.DesiredCount);

        var updated = await ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = "web", DesiredCount = 3 }, Ct);
        Assert.Equal(3, updated.Service?.DesiredCount);

        var described = await ecs.DescribeServicesAsync(new DescribeServicesRequest
        {
            Cluster = cluster,
            Services = ["web"],
            Include = [ServiceField.TAGS],
        }, Ct);
        var service = Assert.Single(described.Services!);
        Assert.Equal("FARGATE", service.LaunchType);
        Assert.Equal([network.SecurityGroupId], service.NetworkConfiguration?.AwsvpcConfiguration?.SecurityGroups);
        Assert.Contains(service.Tags!, t => t.Key == "app");

        var listed = await ecs.ListServicesAsync(new ListServicesRequest { Cluster = cluster }, Ct);
        Assert.EndsWith("/web", Assert.Single(listed.ServiceArns!), StringComparison.Ordinal);

        var deleted = await ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = cluster, Service = "web", Force = true }, Ct);
        Assert.Equal("web", deleted.Service?.ServiceName);
    }
}

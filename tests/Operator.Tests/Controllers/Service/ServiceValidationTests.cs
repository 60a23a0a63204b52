using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Xunit;

namespace EcsOperator.Tests.Controllers.Service;

public sealed class ServiceValidationTests
{
    private static ServiceSpec Valid() => new()
    {
        ClusterRef = new() { Name = "demo" },
        TaskDefinitionRef = new() { Name = "web" },
        LaunchType = LaunchType.Fargate,
    };

    [Fact]
    public void A_spec_with_one_cluster_and_one_task_definition_is_valid()
    {
        Assert.Empty(ServiceValidation.Check(new V1alpha1Service { Spec = Valid() }));
        Assert.Empty(ServiceValidation.Check(new V1alpha1Service { Spec = new ServiceSpec { Cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/x", TaskDefinition = "web:1" } }));
    }

    [Fact]
    public void Both_clusterRef_and_cluster_is_rejected_naming_clusterRef()
    {
        var spec = Valid();
        spec.Cluster = "other";

        var error = Assert.Single(ServiceValidation.Check(new V1alpha1Service { Spec = spec }));

        Assert.Equal("spec.clusterRef", error.Field);
        Assert.Contains("both", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Neither_clusterRef_nor_cluster_is_rejected()
    {
        var spec = Valid();
        spec.ClusterRef = null;

        Assert.Equal("spec.clusterRef", Assert.Single(ServiceValidation.Check(new V1alpha1Service { Spec = spec })).Field);
    }

    [Fact]
    public void Both_or_neither_task_definition_forms_are_rejected()
    {
        var both = Valid();
        both.TaskDefinition = "web:2";
        var neither = Valid();
        neither.TaskDefinitionRef = null;

        Assert.Equal("spec.taskDefinitionRef", Assert.Single(ServiceValidation.Check(new V1alpha1Service { Spec = both })).Field);
        Assert.Equal("spec.taskDefinitionRef", Assert.Single(ServiceValidation.Check(new V1alpha1Service { Spec = neither })).Field);
    }

    [Fact]
    public void LaunchType_with_a_capacity_provider_strategy_is_rejected()
    {
        var spec = Valid();
        spec.CapacityProviderStrategy = [new() { CapacityProvider = "FARGATE_SPOT", Weight = 1 }];

        Assert.Equal("spec.capacityProviderStrategy", Assert.Single(ServiceValidation.Check(new V1alpha1Service { Spec = spec })).Field);
    }

    [Fact]
    public void Neither_launchType_nor_strategy_is_valid_and_means_the_cluster_default()
    {
        var spec = Valid();
        spec.LaunchType = null;

        Assert.Empty(ServiceValidation.Check(new V1alpha1Service { Spec = spec }));
    }

    [Fact]
    public void Service_tags_are_checked()
    {
        var spec = Valid();
        spec.Tags = new Dictionary<string, string> { ["ecs.operator.dev/owner"] = "me" };

        Assert.Equal("spec.tags[ecs.operator.dev/owner]", Assert.Single(ServiceValidation.Check(new V1alpha1Service { Spec = spec })).Field);
    }

    [Fact]
    public void Validate_extension_runs_the_kind_validator()
    {
        var service = new V1alpha1Service { Spec = new ServiceSpec { TaskDefinition = "web:1" } };

        Assert.Equal("spec.clusterRef", Assert.Single(ServiceValidation.Check(service)).Field);
    }
}

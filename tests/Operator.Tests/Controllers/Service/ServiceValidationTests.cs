using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

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
    public void A_service_role_on_an_awsvpc_service_is_rejected_naming_spec_role_before_ecs_refuses_it()
    {
        var spec = Valid();
        spec.Role = "arn:aws:iam::123456789012:role/ecsServiceRole";
        spec.NetworkConfiguration = new() { AwsvpcConfiguration = new() { Subnets = ["subnet-12345678"] } };

        var error = Assert.Single(ServiceValidation.Check(new V1alpha1Service { Spec = spec }));

        Assert.Equal("spec.role", error.Field);
        Assert.Contains("service-linked role", error.Message, StringComparison.Ordinal);
        spec.NetworkConfiguration = null;
        Assert.Empty(ServiceValidation.Check(new V1alpha1Service { Spec = spec }));
    }

    [Fact]
    public void A_launch_type_spec_is_allowed_while_ecs_runs_a_capacity_provider_strategy()
    {
        var observed = new Ecs.Service { CapacityProviderStrategy = [new Ecs.CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1 }] };

        Assert.DoesNotContain(ServiceValidation.ImmutableAgainst(Valid(), observed), f => f.Path == "spec.launchType");
    }

    [Fact]
    public void One_launch_type_for_another_stays_immutable_naming_spec_launchType()
    {
        var observed = new Ecs.Service { LaunchType = "EC2" };

        var field = Assert.Single(ServiceValidation.ImmutableAgainst(Valid(), observed), f => f.Path == "spec.launchType");

        Assert.Equal(("EC2", "FARGATE"), (field.Applied, field.Desired));
        Assert.Contains("create a new Service", field.Advice, StringComparison.Ordinal);
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
    [Fact]
    public void HookDetails_up_to_the_operators_depth_limit_are_valid()
    {
        var service = WithHookDetails(FreeFormJson.MaxDepth);

        Assert.Empty(ServiceValidation.Check(service));
    }

    [Fact]
    public void HookDetails_one_level_deeper_are_rejected_naming_the_hook()
    {
        var error = Assert.Single(ServiceValidation.Check(WithHookDetails(FreeFormJson.MaxDepth + 1)));

        Assert.Equal("spec.deploymentConfiguration.lifecycleHooks[1].hookDetails", error.Field);
        Assert.Contains("deeper than 32 levels", error.Message, StringComparison.Ordinal);
        Assert.Contains("the operator's limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HookDetails_as_deep_as_the_api_server_allows_are_read_cloned_and_rejected_without_overflowing_the_stack()
    {
        // 10,000 levels, as a real API server stores them: reading, the cache's clone and the check must all walk
        // without recursion (a stack overflow would end the operator, not fail one object).
        var service = WithHookDetails(9_995);

        var clone = ObjectCache<V1alpha1Service>.Clone(service);

        Assert.Equal("spec.deploymentConfiguration.lifecycleHooks[1].hookDetails", Assert.Single(ServiceValidation.Check(clone)).Field);
    }

    /// <summary>A Service read from JSON, as the informer reads it, whose second hook's details nest that many levels (objects, then a list).</summary>
    private static V1alpha1Service WithHookDetails(int depth)
    {
        var details = new System.Text.StringBuilder().Insert(0, "{\"a\":", depth - 1).Append("[1,\"x\"]").Append('}', depth - 1);
        var hook = """{"hookTargetArn":"arn:aws:lambda:us-east-1:123456789012:function:hook","roleArn":"arn:aws:iam::123456789012:role/hook","lifecycleStages":["POST_SCALE_UP"]""";
        var json = """{"apiVersion":"ecs.operator.dev/v1alpha1","kind":"Service","metadata":{"name":"web"},"spec":{"cluster":"demo","taskDefinition":"web:1","deploymentConfiguration":{"lifecycleHooks":["""
            + hook + "}," + hook + ",\"hookDetails\":" + details + "}]}}}";
        return k8s.KubernetesJson.Deserialize<V1alpha1Service>(json);
    }
}

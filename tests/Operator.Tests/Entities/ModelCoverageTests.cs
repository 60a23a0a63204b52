using EcsOperator.Entities;
using Xunit;

namespace EcsOperator.Tests.Entities;

/// <summary>
/// The specs carry the ECS API's input shapes, checked member by member (recursively) against botocore's
/// model, so users can paste from the AWS docs. Every deliberate gap is listed here with its reason.
/// </summary>
public sealed class ModelCoverageTests
{
    /// <summary>botocore "Shape.member" → why the spec leaves it out.</summary>
    private static readonly Dictionary<string, string> Exclusions = new(StringComparer.Ordinal)
    {
        ["CreateServiceRequest.loadBalancers"] = "load balancers are attached by LoadBalancerBinding objects, not the Service spec",
        ["CreateServiceRequest.clientToken"] = "the operator derives a deterministic token from the object's UID for crash-safe creates",
        ["CreateClusterRequest.settings"] = "replaced by the containerInsights shorthand, its only setting",
    };

    [Fact]
    public async Task TaskDefinition_spec_carries_every_RegisterTaskDefinition_and_ContainerDefinition_member()
    {
        var walker = new ModelWalker(await BotocoreModel.LoadAsync("ecs"), Exclusions);

        walker.Compare(typeof(TaskDefinitionSpec), "RegisterTaskDefinitionRequest", "spec");

        Assert.True(walker.Problems.Count == 0, "Missing or mistyped:\n" + string.Join('\n', walker.Problems));
    }

    [Fact]
    public async Task Service_spec_carries_every_CreateService_member_except_the_justified_ones()
    {
        var walker = new ModelWalker(await BotocoreModel.LoadAsync("ecs"), Exclusions);

        walker.Compare(typeof(ServiceSpec), "CreateServiceRequest", "spec");

        Assert.True(walker.Problems.Count == 0, "Missing or mistyped:\n" + string.Join('\n', walker.Problems));
    }

    [Fact]
    public async Task Cluster_spec_carries_every_CreateCluster_member_except_the_justified_ones()
    {
        var walker = new ModelWalker(await BotocoreModel.LoadAsync("ecs"), Exclusions);

        walker.Compare(typeof(ClusterSpec), "CreateClusterRequest", "spec");

        Assert.True(walker.Problems.Count == 0, "Missing or mistyped:\n" + string.Join('\n', walker.Problems));
    }

    [Fact]
    public async Task Walker_reports_a_member_the_spec_lacks()
    {
        // Guards the guard: a type without containerDefinitions must be reported, or the tests above prove nothing.
        var walker = new ModelWalker(await BotocoreModel.LoadAsync("ecs"), Exclusions);

        walker.Compare(typeof(RuntimePlatform), "RegisterTaskDefinitionRequest", "spec");

        Assert.Contains(walker.Problems, problem => problem.StartsWith("spec.containerDefinitions is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_exclusion_names_a_reason()
    {
        Assert.All(Exclusions, exclusion => Assert.False(string.IsNullOrWhiteSpace(exclusion.Value), exclusion.Key));
    }
}

using EcsOperator.Controllers.Cluster;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Xunit;

namespace EcsOperator.Tests.Controllers.Cluster;

public sealed class ClusterSpecValidationTests
{
    [Fact]
    public void An_empty_cluster_spec_is_valid()
    {
        Assert.Empty(ClusterValidation.Check(new V1alpha1Cluster()));
    }

    [Fact]
    public void Cluster_tags_are_checked()
    {
        var cluster = new V1alpha1Cluster { Spec = { Tags = Enumerable.Range(0, 49).ToDictionary(i => $"k{i}", _ => "v") } };

        Assert.Equal("spec.tags", Assert.Single(ClusterValidation.Check(cluster)).Field);
    }
}

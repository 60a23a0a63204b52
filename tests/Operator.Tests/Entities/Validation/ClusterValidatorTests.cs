using EcsOperator.Entities;
using EcsOperator.Entities.Validation;
using Xunit;

namespace EcsOperator.Tests.Entities.Validation;

public sealed class ClusterValidatorTests
{
    [Fact]
    public void An_empty_cluster_spec_is_valid()
    {
        Assert.Empty(new V1alpha1Cluster().Validate());
    }

    [Fact]
    public void Cluster_tags_are_checked()
    {
        var cluster = new V1alpha1Cluster { Spec = { Tags = Enumerable.Range(0, 49).ToDictionary(i => $"k{i}", _ => "v") } };

        Assert.Equal("spec.tags", Assert.Single(cluster.Validate()).Field);
    }
}

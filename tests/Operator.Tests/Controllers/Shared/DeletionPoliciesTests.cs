using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using k8s.Models;
using Xunit;

namespace EcsOperator.Tests.Controllers.Shared;

public sealed class DeletionPoliciesTests
{
    private static V1ObjectMeta Meta(string? adopt) => new()
    {
        Name = "x",
        Annotations = adopt is null ? null : new Dictionary<string, string> { [WellKnown.AdoptAnnotation] = adopt },
    };

    [Fact]
    public void Created_resources_default_to_delete() => Assert.Equal(DeletionPolicy.Delete, DeletionPolicies.Effective(null, Meta(null)));

    [Fact]
    public void Adopted_resources_default_to_retain() => Assert.Equal(DeletionPolicy.Retain, DeletionPolicies.Effective(null, Meta("true")));

    [Fact]
    public void Adopted_resources_are_deleted_when_the_spec_says_so() =>
        Assert.Equal(DeletionPolicy.Delete, DeletionPolicies.Effective(DeletionPolicy.Delete, Meta("true")));

    [Fact]
    public void An_adopt_annotation_other_than_true_is_not_adoption() =>
        Assert.Equal(DeletionPolicy.Delete, DeletionPolicies.Effective(null, Meta("false")));
}

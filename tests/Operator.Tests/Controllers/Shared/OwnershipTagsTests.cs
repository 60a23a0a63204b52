using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Xunit;

namespace EcsOperator.Tests.Controllers.Shared;

public sealed class OwnershipTagsTests
{
    [Fact]
    public void Owner_is_namespace_kind_name_when_it_fits()
    {
        Assert.Equal("team-a/Cluster/demo", OwnershipTags.OwnerValue("team-a", "Cluster", "demo"));
    }

    [Fact]
    public void Long_owner_is_cut_to_256_characters_with_a_hash_suffix()
    {
        var name = new string('n', 253);
        var owner = OwnershipTags.OwnerValue("ns", "TaskDefinition", name);

        Assert.Equal(256, owner.Length);
        Assert.StartsWith("ns/TaskDefinition/nnn", owner, StringComparison.Ordinal);
        Assert.Matches("-[0-9a-f]{16}$", owner);
    }

    [Fact]
    public void Two_long_names_sharing_a_prefix_get_different_owners()
    {
        var prefix = new string('n', 250);
        var a = OwnershipTags.OwnerValue("ns", "TaskDefinition", prefix + "-alpha");
        var b = OwnershipTags.OwnerValue("ns", "TaskDefinition", prefix + "-bravo");

        Assert.NotEqual(a, b);
        Assert.Equal(a.Length, b.Length);
    }

    [Fact]
    public void Resource_with_both_matching_tags_is_ours()
    {
        var tags = OwnershipTags.For("ns", "Cluster", "demo", "uid-1");

        Assert.Equal(Ownership.Ours, tags.Classify(tags.ToTags()));
    }

    [Fact]
    public void Resource_without_ownership_tags_is_unowned()
    {
        var tags = OwnershipTags.For("ns", "Cluster", "demo", "uid-1");

        Assert.Equal(Ownership.Unowned, tags.Classify(new Dictionary<string, string> { ["team"] = "payments" }));
    }

    [Theory]
    [InlineData("ns/Cluster/other", "uid-1")]
    [InlineData("ns/Cluster/demo", "uid-2")]
    public void Resource_owned_by_another_object_or_cluster_is_foreign(string owner, string clusterId)
    {
        var tags = OwnershipTags.For("ns", "Cluster", "demo", "uid-1");
        var observed = new Dictionary<string, string> { [WellKnown.OwnerTag] = owner, [WellKnown.ClusterIdTag] = clusterId };

        Assert.Equal(Ownership.Foreign, tags.Classify(observed));
    }
}

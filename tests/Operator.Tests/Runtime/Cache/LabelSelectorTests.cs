using EcsOperator.Runtime;
using EcsOperator.Runtime.Cache;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.Tests.Runtime.Cache;

public sealed class LabelSelectorTests
{
    [Theory]
    [MemberData(nameof(LabelSelectorCases.Matching), MemberType = typeof(LabelSelectorCases))]
    public void Selectors_match_labels_as_the_api_server_does(string selector, bool matches) =>
        Assert.Equal(matches, LabelSelector.Parse(selector).Matches(LabelSelectorCases.Labels.ToDictionary()));

    [Theory]
    [MemberData(nameof(LabelSelectorCases.Malformed), MemberType = typeof(LabelSelectorCases))]
    public void Malformed_selectors_are_rejected(string selector) =>
        Assert.Throws<FormatException>(() => LabelSelector.Parse(selector));

    [Fact]
    public void A_malformed_selector_is_rejected_at_start()
    {
        Assert.Throws<FormatException>(() => LabelSelector.Parse("shard in a"));
        Assert.Throws<FormatException>(() => LabelSelector.Parse("=a")); // no key; LocalKube still accepts this one
        Assert.Contains(new OperatorRuntimeOptions { LabelSelector = "a b" }.Validate(), e => e.Contains("--selector", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shard_tells_objects_it_watches_from_those_it_does_not()
    {
        var shard = new ShardScope("team-a", LabelSelector.Parse("shard=a"));
        var inside = Widget.Create("team-a", "x");
        inside.Metadata.Labels = new Dictionary<string, string> { ["shard"] = "a" };
        var otherNamespace = Widget.Create("team-b", "x");
        otherNamespace.Metadata.Labels = inside.Metadata.Labels;
        var otherShard = Widget.Create("team-a", "y");

        Assert.True(shard.Contains(inside));
        Assert.False(shard.Contains(otherNamespace));
        Assert.False(shard.Contains(otherShard));
        Assert.Contains("outside this operator's shard", shard.DescribeOutside("Cluster", "team-b", "x"), StringComparison.Ordinal);
    }
}

using EcsOperator.Controllers.Shared;
using Xunit;

namespace EcsOperator.Tests.Controllers.Shared;

public sealed class TagChangesTests
{
    private static Dictionary<string, string> Tags(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    [Fact]
    public void Matching_tags_need_no_call()
    {
        var changes = TagChanges.Compute(Tags(("team", "a")), Tags(("team", "a")), ["team"]);

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void Missing_and_changed_tags_are_set()
    {
        var changes = TagChanges.Compute(Tags(("team", "b"), ("env", "prod")), Tags(("team", "a")), ["team"]);

        Assert.Equal(Tags(("env", "prod"), ("team", "b")), changes.ToSet);
        Assert.Empty(changes.ToRemove);
    }

    [Fact]
    public void Tag_removed_from_the_spec_is_untagged()
    {
        var changes = TagChanges.Compute(Tags(("team", "a")), Tags(("team", "a"), ("env", "prod")), ["team", "env"]);

        Assert.Equal(["env"], changes.ToRemove);
        Assert.Empty(changes.ToSet);
    }

    [Fact]
    public void Tag_added_in_the_console_is_left_alone()
    {
        var changes = TagChanges.Compute(Tags(("team", "a")), Tags(("team", "a"), ("cost-center", "42")), ["team"]);

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void Tag_already_gone_from_aws_is_not_untagged_again()
    {
        var changes = TagChanges.Compute(Tags(("team", "a")), Tags(("team", "a")), ["team", "env"]);

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void Without_a_record_of_applied_keys_nothing_is_removed()
    {
        var changes = TagChanges.Compute(Tags(), Tags(("team", "a")), null);

        Assert.True(changes.IsEmpty);
    }
}

using EcsOperator.Controllers.TaskDefinition;
using Xunit;

namespace EcsOperator.Tests.Controllers.TaskDefinition;

public sealed class RevisionHistoryTests
{
    [Fact]
    public void Within_the_limit_nothing_is_deregistered()
    {
        Assert.Empty(RevisionHistory.ToDeregister([1, 2, 3], inUse: 3, recentlyUsed: [3, 2, 1], limit: 3));
    }

    [Fact]
    public void Least_recently_used_revisions_go_first()
    {
        // Used 1, 2, 3, then back to 2, then 1: revision 3 is the least recently used.
        Assert.Equal([3], RevisionHistory.ToDeregister([1, 2, 3], inUse: 1, recentlyUsed: [1, 2, 3], limit: 2));
    }

    [Fact]
    public void The_revision_in_use_is_kept_even_when_the_record_forgot_it()
    {
        Assert.Equal([2, 3], RevisionHistory.ToDeregister([1, 2, 3], inUse: 1, recentlyUsed: [3, 2], limit: 1));
    }

    [Fact]
    public void Unrecorded_revisions_rank_after_recorded_ones_newest_number_first()
    {
        Assert.Equal([1, 2], RevisionHistory.ToDeregister([1, 2, 3, 4, 5], inUse: 5, recentlyUsed: [5, 4], limit: 3));
    }

    [Fact]
    public void Revisions_not_registered_by_the_object_are_never_listed()
    {
        Assert.Equal([2], RevisionHistory.ToDeregister([2, 4], inUse: 4, recentlyUsed: [4, 7, 2], limit: 1));
    }

    [Fact]
    public void Touch_puts_the_revision_in_use_first_and_keeps_the_order_of_the_rest()
    {
        Assert.Equal([1, 3, 2], RevisionHistory.Touch([3, 1, 2], inUse: 1, limit: 10));
    }

    [Fact]
    public void Touch_keeps_no_more_than_the_limit()
    {
        Assert.Equal([4, 3], RevisionHistory.Touch([3, 2, 1], inUse: 4, limit: 2));
    }
}

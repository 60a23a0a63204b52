using EcsOperator.Controllers.Shared;
using EcsOperator.Runtime.Reconcile;
using Xunit;

namespace EcsOperator.Tests.Controllers.Shared;

/// <summary>Grouping and paging of a sweep's batch reads: Σ over groups of ceil(names / page size) calls.</summary>
public sealed class SweepPagesTests
{
    private static (ReconcileRequest, SweepTarget) Target(string group, string name, string? objectName = null) =>
        (new ReconcileRequest("ns", objectName ?? $"{group}-{name}"), new SweepTarget(group, name));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(100, 10)]
    [InlineData(101, 11)]
    public void One_group_takes_ceil_of_names_over_the_page_size(int names, int calls)
    {
        var pages = SweepPages.Of(Enumerable.Range(0, names).Select(i => Target("cl", $"s{i}")), 10);

        Assert.Equal(calls, pages.Count);
        Assert.All(pages, page => Assert.InRange(page.Names.Count, 1, 10));
        Assert.Equal(names, pages.Sum(page => page.Names.Count));
    }

    [Fact]
    public void Groups_are_paged_apart_and_a_page_never_mixes_groups()
    {
        var targets = Enumerable.Range(0, 25).Select(i => Target("a", $"s{i}"))
            .Concat(Enumerable.Range(0, 5).Select(i => Target("b", $"s{i}")));

        var pages = SweepPages.Of(targets, 10);

        Assert.Equal(["a", "a", "a", "b"], pages.Select(p => p.Group));
        Assert.Equal([10, 10, 5, 5], pages.Select(p => p.Names.Count));
        Assert.Equal(30, pages.SelectMany(p => p.Keys).Distinct().Count());
    }

    [Fact]
    public void Two_objects_naming_one_resource_share_one_name_and_both_get_the_result()
    {
        var pages = SweepPages.Of([Target("cl", "web", "first"), Target("cl", "web", "second")], 10);

        var page = Assert.Single(pages);
        Assert.Equal(["web"], page.Names);
        Assert.Equal(["first", "second"], page.KeysByName["web"].Select(k => k.Name).Order());
    }

    [Fact]
    public void A_page_size_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SweepPages.Of([], 0));
    }
}

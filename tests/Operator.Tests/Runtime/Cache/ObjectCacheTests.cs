using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Testing;
using k8s.Models;
using Xunit;

namespace EcsOperator.Tests.Runtime.Cache;

public sealed class ObjectCacheTests
{
    private static ObjectCache<Widget> NewCache() => new([new IndexDefinition<Widget>("partRef", w => w.Spec.PartRef is null ? [] : [$"{w.Metadata.NamespaceProperty}/{w.Spec.PartRef}"])]);

    [Fact]
    public void An_index_follows_objects_as_they_change_and_go()
    {
        var cache = NewCache();
        cache.Upsert(Widget.Create("ns", "a", partRef: "p1"));
        cache.Upsert(Widget.Create("ns", "b", partRef: "p1"));
        Assert.Equal(["a", "b"], cache.ByIndex("partRef", "ns/p1").Select(w => w.Metadata.Name).Order());

        cache.Upsert(Widget.Create("ns", "a", partRef: "p2"));
        cache.Remove("ns/b");

        Assert.Empty(cache.ByIndex("partRef", "ns/p1"));
        Assert.Equal(["a"], cache.ByIndex("partRef", "ns/p2").Select(w => w.Metadata.Name));
    }

    [Fact]
    public void Readers_get_copies_so_changing_one_does_not_change_the_cache()
    {
        var cache = NewCache();
        cache.Upsert(Widget.Create("ns", "a"));

        cache.Get(new ReconcileRequest("ns", "a"))!.Status.Arn = "changed";

        Assert.Null(cache.Get(new ReconcileRequest("ns", "a"))!.Status.Arn);
    }

    [Fact]
    public void The_cache_keeps_no_managed_fields()
    {
        var cache = NewCache();
        var widget = Widget.Create("ns", "a");
        widget.Metadata.ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl", Operation = "Apply" }];

        cache.Upsert(widget);

        Assert.Null(cache.Get(new ReconcileRequest("ns", "a"))!.Metadata.ManagedFields);
    }

    [Fact]
    public void Asking_for_an_unknown_index_is_an_error_not_an_empty_answer()
    {
        Assert.Throws<ArgumentException>(() => NewCache().ByIndex("nope", "ns/x"));
    }
}

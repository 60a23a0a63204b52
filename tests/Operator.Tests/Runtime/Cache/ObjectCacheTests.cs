using System.Runtime.CompilerServices;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Testing;
using k8s;
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
    public void The_cache_drops_kubectls_last_applied_configuration_and_keeps_every_other_annotation()
    {
        var cache = NewCache();
        var widget = Widget.Create("ns", "a");
        widget.Metadata.Annotations = new Dictionary<string, string>
        {
            [ObjectCache<Widget>.LastAppliedAnnotation] = """{"apiVersion":"ecs.operator.dev/v1alpha1","kind":"Widget"}""",
            ["team"] = "payments",
        };
        var applyOnly = Widget.Create("ns", "b");
        applyOnly.Metadata.Annotations = new Dictionary<string, string> { [ObjectCache<Widget>.LastAppliedAnnotation] = "{}" };

        cache.Upsert(widget);
        cache.Upsert(applyOnly);

        Assert.Equal(["team"], cache.Get(new ReconcileRequest("ns", "a"))!.Metadata.Annotations.Keys);
        Assert.Null(cache.Get(new ReconcileRequest("ns", "b"))!.Metadata.Annotations);
    }

    [Fact]
    public void An_object_reads_back_as_stored_and_an_update_returns_the_object_it_replaced()
    {
        var cache = NewCache();
        var first = Widget.Create("ns", "a", partRef: "p1");
        first.Metadata.ResourceVersion = "7";
        first.Metadata.Labels = new Dictionary<string, string> { ["app"] = "shop" };
        first.Status.Arn = "arn:aws:ecs:us-east-1:123456789012:cluster/shop";
        var second = Widget.Create("ns", "a", partRef: "p2");
        second.Metadata.ResourceVersion = "8";

        Assert.Null(cache.Upsert(first));
        var read = cache.Get(new ReconcileRequest("ns", "a"))!;
        var replaced = cache.Upsert(second);
        var removed = cache.Remove("ns/a");

        Assert.Equal(("7", "shop", "p1", first.Status.Arn), (read.Metadata.ResourceVersion, read.Metadata.Labels["app"], read.Spec.PartRef, read.Status.Arn));
        Assert.Equal(("7", "p1"), (replaced!.Metadata.ResourceVersion, replaced.Spec.PartRef));
        Assert.Equal(("8", "p2"), (removed!.Metadata.ResourceVersion, removed.Spec.PartRef));
        Assert.Null(cache.ResourceVersion(new ReconcileRequest("ns", "a")));
    }

    [Fact]
    public void The_cache_keeps_no_reference_to_the_object_it_was_given()
    {
        var cache = NewCache();
        var given = StoreOne(cache);

        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.False(given.TryGetTarget(out _)); // it keeps the JSON, not the parsed object graph
        Assert.Equal("p1", cache.Get(new ReconcileRequest("ns", "a"))!.Spec.PartRef);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<Widget> StoreOne(ObjectCache<Widget> cache)
    {
        var widget = Widget.Create("ns", "a", partRef: "p1");
        cache.Upsert(widget);
        return new WeakReference<Widget>(widget);
    }

    [Fact]
    public void An_object_is_stored_compressed_and_reads_back_to_the_same_JSON()
    {
        var widget = Widget.Create("ns", "a", partRef: "p1");
        widget.Metadata.Labels = Enumerable.Range(0, 200).ToDictionary(i => $"team.example.com/label-{i}", i => $"value-{i}-ü");
        widget.Status.Arn = "arn:aws:ecs:us-east-1:123456789012:cluster/ünicode";
        var json = KubernetesJson.Serialize(widget);

        var stored = ObjectCache<Widget>.Serialize(widget);

        Assert.True(stored.Length < json.Length / 2, $"{stored.Length} stored bytes for {json.Length} bytes of JSON");
        Assert.Equal(json, KubernetesJson.Serialize(ObjectCache<Widget>.Parse(stored)));
    }

    [Fact]
    public void A_damaged_entry_is_an_error_not_a_different_object()
    {
        var stored = ObjectCache<Widget>.Serialize(Widget.Create("ns", "a", partRef: "p1"));

        Assert.Throws<InvalidDataException>(() => ObjectCache<Widget>.Parse(stored[..^4]));
    }

    [Fact]
    public void Asking_for_an_unknown_index_is_an_error_not_an_empty_answer()
    {
        Assert.Throws<ArgumentException>(() => NewCache().ByIndex("nope", "ns/x"));
    }
}

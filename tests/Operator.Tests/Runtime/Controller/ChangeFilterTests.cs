using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Controller;
using EcsOperator.Testing;
using k8s.Models;
using Xunit;

namespace EcsOperator.Tests.Runtime.Controller;

public sealed class ChangeFilterTests
{
    [Fact]
    public void A_status_only_update_does_not_requeue_the_object()
    {
        var old = Widget.Create("ns", "a");
        var updated = ObjectCache<Widget>.Clone(old);
        updated.Status.Arn = "arn:new";
        updated.Metadata.ResourceVersion = "2";

        Assert.False(ChangeFilter.RequeuesOwner(new InformerEvent<Widget>(InformerEventType.Updated, updated, old)));
    }

    [Theory]
    [InlineData("generation")]
    [InlineData("deletion")]
    [InlineData("finalizers")]
    [InlineData("annotations")]
    public void Updates_a_user_or_the_api_server_makes_to_metadata_requeue_the_object(string what)
    {
        var old = Widget.Create("ns", "a");
        var updated = ObjectCache<Widget>.Clone(old);
        Action<V1ObjectMeta> change = what switch
        {
            "generation" => m => m.Generation = 2,
            "deletion" => m => m.DeletionTimestamp = DateTime.UtcNow,
            "finalizers" => m => m.Finalizers = ["x/y"],
            _ => m => m.Annotations = new Dictionary<string, string> { ["ecs.operator.dev/adopt"] = "true" },
        };
        change(updated.Metadata);

        Assert.True(ChangeFilter.RequeuesOwner(new InformerEvent<Widget>(InformerEventType.Updated, updated, old)));
    }

    [Fact]
    public void An_object_created_again_under_the_same_name_has_another_fingerprint()
    {
        var first = Widget.Create("ns", "a");
        var again = Widget.Create("ns", "a"); // same name, generation and annotations; a new uid

        Assert.NotEqual(ChangeFilter.Fingerprint(first.Metadata), ChangeFilter.Fingerprint(again.Metadata));
    }

    [Fact]
    public void The_fingerprint_stays_for_the_same_metadata_and_changes_with_an_annotation()
    {
        var parked = Widget.Create("ns", "a");
        var copy = Widget.Create("ns", "a");
        copy.Metadata.Uid = parked.Metadata.Uid;
        var annotated = Widget.Create("ns", "a");
        annotated.Metadata.Uid = parked.Metadata.Uid;
        annotated.Metadata.Annotations = new Dictionary<string, string> { ["retry"] = "1" };

        Assert.Equal(ChangeFilter.Fingerprint(parked.Metadata), ChangeFilter.Fingerprint(copy.Metadata));
        Assert.NotEqual(ChangeFilter.Fingerprint(parked.Metadata), ChangeFilter.Fingerprint(annotated.Metadata));
    }

    [Fact]
    public void Adds_and_deletes_always_requeue()
    {
        var obj = Widget.Create("ns", "a");
        Assert.True(ChangeFilter.RequeuesOwner(new InformerEvent<Widget>(InformerEventType.Added, obj)));
        Assert.True(ChangeFilter.RequeuesOwner(new InformerEvent<Widget>(InformerEventType.Deleted, obj, obj)));
    }
}

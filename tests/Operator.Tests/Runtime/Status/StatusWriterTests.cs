using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.Tests.Runtime.Status;

public sealed class StatusWriterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_unchanged_status_is_not_written_and_a_changed_one_is_written_once()
    {
        await using var h = new ControllerHarness();
        h.Kube.Apply(Widget.Create("ns", "a"));
        await h.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var widget = h.Informer.Cache.Get(new ReconcileRequest("ns", "a"))!;
        widget.Status.Arn = "arn:aws:ecs:us-east-1:123456789012:cluster/a";
        Conditions.MarkReady(widget.Status, widget.Metadata.Generation, "Available", "ready", T0);
        Assert.True(await h.StatusWriter.WriteAsync(widget, ct));
        Assert.True(await Eventually.TrueAsync(() => h.Informer.Cache.Get(new ReconcileRequest("ns", "a"))!.Status.Arn is not null));

        var again = h.Informer.Cache.Get(new ReconcileRequest("ns", "a"))!;
        again.Status.Arn = "arn:aws:ecs:us-east-1:123456789012:cluster/a";
        Conditions.MarkReady(again.Status, again.Metadata.Generation, "Available", "ready", T0.AddHours(1));

        Assert.False(await h.StatusWriter.WriteAsync(again, ct));
        Assert.Equal(1, h.Kube.StatusPatches);
        Assert.Equal(1, h.Kube.Peek("ns/a")!.Status.ObservedGeneration);
    }

    [Fact]
    public async Task Flipping_a_field_back_is_written_even_before_the_watch_delivers_the_first_write()
    {
        var kube = new FakeKubeClient<Widget>();
        kube.Apply(Widget.Create("ns", "a"));
        var staleCache = new ObjectCache<Widget>();
        staleCache.Upsert(kube.Peek("ns/a")!); // the watch never catches up in this test
        var writer = new StatusWriter<Widget>(kube, staleCache);
        var ct = TestContext.Current.CancellationToken;

        var widget = staleCache.Get(new ReconcileRequest("ns", "a"))!;
        widget.Status.Arn = "arn:temporary";
        Assert.True(await writer.WriteAsync(widget, ct));

        var back = staleCache.Get(new ReconcileRequest("ns", "a"))!;
        Assert.True(await writer.WriteAsync(back, ct));

        Assert.Null(kube.Peek("ns/a")!.Status.Arn);
        Assert.Equal(2, kube.StatusPatches);
    }

    [Fact]
    public async Task Freshest_is_the_own_last_write_until_the_cache_has_caught_up_with_it()
    {
        var kube = new FakeKubeClient<Widget>();
        kube.Apply(Widget.Create("ns", "a"));
        var cache = new ObjectCache<Widget>();
        cache.Upsert(kube.Peek("ns/a")!);
        var writer = new StatusWriter<Widget>(kube, cache);
        var widget = cache.Get(new ReconcileRequest("ns", "a"))!;
        widget.Status.Arn = "arn:written";
        await writer.WriteAsync(widget, TestContext.Current.CancellationToken);

        var stale = cache.Get(new ReconcileRequest("ns", "a"))!;
        var freshest = writer.Freshest(stale);
        freshest.Status.Arn = "changed by a reconcile";

        Assert.Null(stale.Status.Arn);
        Assert.Equal("changed by a reconcile", freshest.Status.Arn);
        Assert.Equal("arn:written", writer.Freshest(stale).Status.Arn); // a copy: the writer's record is untouched
        cache.Upsert(kube.Peek("ns/a")!); // the watch delivers the write
        var caughtUp = cache.Get(new ReconcileRequest("ns", "a"))!;
        Assert.Same(caughtUp, writer.Freshest(caughtUp));
    }

    [Fact]
    public async Task Last_writes_the_cache_caught_up_with_are_forgotten_without_another_write_of_the_same_object()
    {
        var kube = new FakeKubeClient<Widget>();
        var cache = new ObjectCache<Widget>();
        var writer = new StatusWriter<Widget>(kube, cache);
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 64; i++)
        {
            kube.Apply(Widget.Create("ns", $"w{i}"));
            cache.Upsert(kube.Peek($"ns/w{i}")!);
        }

        for (var i = 0; i < 63; i++)
        {
            var widget = cache.Get(new ReconcileRequest("ns", $"w{i}"))!;
            widget.Status.Arn = "arn:written";
            Assert.True(await writer.WriteAsync(widget, ct));
            cache.Upsert(kube.Peek($"ns/w{i}")!); // the watch delivers the write
        }

        Assert.Equal(63, writer.TrackedCount); // none of them was written a second time

        var last = cache.Get(new ReconcileRequest("ns", "w63"))!;
        last.Status.Arn = "arn:written";
        Assert.True(await writer.WriteAsync(last, ct)); // the 64th write sweeps

        Assert.Equal(1, writer.TrackedCount); // only the write the watch has not delivered yet
    }

    [Fact]
    public async Task The_last_write_of_a_deleted_object_is_forgotten()
    {
        var kube = new FakeKubeClient<Widget>();
        kube.Apply(Widget.Create("ns", "a"));
        var cache = new ObjectCache<Widget>();
        cache.Upsert(kube.Peek("ns/a")!);
        var writer = new StatusWriter<Widget>(kube, cache);
        var widget = cache.Get(new ReconcileRequest("ns", "a"))!;
        widget.Status.Arn = "arn:written";
        Assert.True(await writer.WriteAsync(widget, TestContext.Current.CancellationToken));
        Assert.Equal(1, writer.TrackedCount); // the watch has not delivered the write yet

        cache.Remove("ns/a"); // the object is deleted before it does

        Assert.Equal(0, writer.TrackedCount);
    }

    [Fact]
    public void The_patch_holds_only_changed_fields_and_nulls_removed_ones()
    {
        var cached = new WidgetStatus { Arn = "arn:old", Runs = 3, ObservedGeneration = 1 };
        var desired = new WidgetStatus { Arn = "arn:new", ObservedGeneration = 1 };

        var patch = StatusDiff.Create(cached, desired)!.AsObject();

        Assert.Equal("arn:new", (string?)patch["arn"]);
        Assert.True(patch.ContainsKey("runs"));
        Assert.Null(patch["runs"]);
        Assert.False(patch.ContainsKey("observedGeneration"));
    }

    [Fact]
    public void Equal_statuses_give_no_patch()
    {
        var a = new WidgetStatus { Arn = "arn:x", Runs = 1 };
        Conditions.MarkReady(a, 1, "Available", "ready", T0);
        var b = new WidgetStatus { Arn = "arn:x", Runs = 1 };
        Conditions.MarkReady(b, 1, "Available", "ready", T0);

        Assert.Null(StatusDiff.Create(a, b));
    }
}

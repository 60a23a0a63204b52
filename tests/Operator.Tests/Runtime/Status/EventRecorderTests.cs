using EcsOperator.Runtime.Status;
using EcsOperator.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsOperator.Tests.Runtime.Status;

public sealed class EventRecorderTests
{
    [Fact]
    public async Task A_repeating_event_becomes_one_event_with_a_series_count()
    {
        var kube = new FakeKubeClient<Widget>();
        await using var recorder = new EventRecorder(kube, new EventRecorderOptions { ReportingInstance = "pod-1" }, NullLogger<EventRecorder>.Instance);
        var widget = Widget.Create("ns", "a");
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 50; i++)
        {
            await recorder.RecordAsync(widget, EventSeverity.Warning, "AccessDenied", "CreateCluster", "not authorized to ecs:CreateCluster", ct);
        }

        await recorder.RecordAsync(widget, EventSeverity.Normal, "ClusterCreated", "CreateCluster", "created", ct);
        await recorder.FlushAsync(ct);

        Assert.Equal(2, kube.Events.Count);
        Assert.Equal(49, kube.SeriesPatches.Count);
        Assert.Equal(50, kube.SeriesPatches[^1].Count);
        var first = kube.Events[0];
        Assert.Equal(("Warning", "AccessDenied", "CreateCluster", "ecs-operator", "pod-1"), (first.Type, first.Reason, first.Action, first.ReportingController, first.ReportingInstance));
        Assert.Equal(("Widget", "a", "ns", widget.Metadata.Uid), (first.Regarding.Kind, first.Regarding.Name, first.Regarding.NamespaceProperty, first.Regarding.Uid));
    }

    [Fact]
    public async Task Recording_returns_before_the_api_server_answers_and_the_events_follow_in_order()
    {
        var kube = new FakeKubeClient<Widget> { HeldEventWrites = new TaskCompletionSource() };
        await using var recorder = new EventRecorder(kube, new EventRecorderOptions(), NullLogger<EventRecorder>.Instance);
        var widget = Widget.Create("ns", "a");
        var ct = TestContext.Current.CancellationToken;

        var recorded = Enumerable.Range(0, 3)
            .Select(_ => recorder.RecordAsync(widget, EventSeverity.Normal, "TagsUpdated", "TagResource", "Set tags edit", ct))
            .ToList();

        Assert.All(recorded, r => Assert.True(r.IsCompletedSuccessfully));
        Assert.Empty(kube.Events);
        kube.HeldEventWrites.SetResult();
        await recorder.FlushAsync(ct);
        Assert.Single(kube.Events);
        Assert.Equal([2, 3], kube.SeriesPatches.Select(p => p.Count));
    }

    [Fact]
    public async Task Events_beyond_the_bounded_queue_are_dropped_while_the_api_server_does_not_answer()
    {
        var kube = new FakeKubeClient<Widget> { HeldEventWrites = new TaskCompletionSource() };
        await using var recorder = new EventRecorder(kube, new EventRecorderOptions(), NullLogger<EventRecorder>.Instance);
        var widget = Widget.Create("ns", "a");
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 1500; i++)
        {
            Assert.True(recorder.RecordAsync(widget, EventSeverity.Normal, "Edited", "Edit", $"edit {i}", ct).IsCompletedSuccessfully);
        }

        kube.HeldEventWrites.SetResult();
        await recorder.FlushAsync(ct);

        // 1,000 queued, plus at most the one the sender had taken when the API server stopped answering.
        Assert.InRange(kube.Events.Count, 1000, 1001);
        Assert.Equal("edit 0", kube.Events[0].Note);
    }

    [Fact]
    public async Task One_event_from_each_of_many_objects_leaves_a_bounded_series_map_that_still_aggregates_recent_repeats()
    {
        var kube = new FakeKubeClient<Widget>();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        await using var recorder = new EventRecorder(kube, new EventRecorderOptions(), NullLogger<EventRecorder>.Instance, clock);
        var widgets = Enumerable.Range(0, EventRecorder.MaxTrackedSeries + 1000).Select(i => Widget.Create("ns", $"w{i}")).ToList();
        var ct = TestContext.Current.CancellationToken;

        foreach (var widget in widgets)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10)); // all within one aggregation window: nothing expires
            await recorder.RecordAsync(widget, EventSeverity.Warning, "InvalidSpec", "Reconcile", "spec.cpu: 3 is not a Fargate size", ct);
            await recorder.FlushAsync(ct); // one at a time: the bounded send queue must not drop any of them
        }

        await recorder.RecordAsync(widgets[^1], EventSeverity.Warning, "InvalidSpec", "Reconcile", "spec.cpu: 3 is not a Fargate size", ct);
        await recorder.RecordAsync(widgets[0], EventSeverity.Warning, "InvalidSpec", "Reconcile", "spec.cpu: 3 is not a Fargate size", ct);
        await recorder.FlushAsync(ct);

        Assert.InRange(recorder.TrackedSeries, 1, EventRecorder.MaxTrackedSeries);
        Assert.Equal([(kube.Events[^2].Metadata.Name, 2)], kube.SeriesPatches); // the newest repeat joined its series
        Assert.Equal(widgets.Count + 1, kube.Events.Count); // the oldest was forgotten: its repeat is a new event
        Assert.Equal("w0", kube.Events[^1].Regarding.Name);
    }
}

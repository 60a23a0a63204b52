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
        var recorder = new EventRecorder(kube, new EventRecorderOptions { ReportingInstance = "pod-1" }, NullLogger<EventRecorder>.Instance);
        var widget = Widget.Create("ns", "a");
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 50; i++)
        {
            await recorder.RecordAsync(widget, EventSeverity.Warning, "AccessDenied", "CreateCluster", "not authorized to ecs:CreateCluster", ct);
        }

        await recorder.RecordAsync(widget, EventSeverity.Normal, "ClusterCreated", "CreateCluster", "created", ct);

        Assert.Equal(2, kube.Events.Count);
        Assert.Equal(49, kube.SeriesPatches.Count);
        Assert.Equal(50, kube.SeriesPatches[^1].Count);
        var first = kube.Events[0];
        Assert.Equal(("Warning", "AccessDenied", "CreateCluster", "ecs-operator", "pod-1"), (first.Type, first.Reason, first.Action, first.ReportingController, first.ReportingInstance));
        Assert.Equal(("Widget", "a", "ns", widget.Metadata.Uid), (first.Regarding.Kind, first.Regarding.Name, first.Regarding.NamespaceProperty, first.Regarding.Uid));
    }

    [Fact]
    public async Task One_event_from_each_of_many_objects_leaves_a_bounded_series_map_that_still_aggregates_recent_repeats()
    {
        var kube = new FakeKubeClient<Widget>();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        var recorder = new EventRecorder(kube, new EventRecorderOptions(), NullLogger<EventRecorder>.Instance, clock);
        var widgets = Enumerable.Range(0, EventRecorder.MaxTrackedSeries + 1000).Select(i => Widget.Create("ns", $"w{i}")).ToList();
        var ct = TestContext.Current.CancellationToken;

        foreach (var widget in widgets)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10)); // all within one aggregation window: nothing expires
            await recorder.RecordAsync(widget, EventSeverity.Warning, "InvalidSpec", "Reconcile", "spec.cpu: 3 is not a Fargate size", ct);
        }

        await recorder.RecordAsync(widgets[^1], EventSeverity.Warning, "InvalidSpec", "Reconcile", "spec.cpu: 3 is not a Fargate size", ct);
        await recorder.RecordAsync(widgets[0], EventSeverity.Warning, "InvalidSpec", "Reconcile", "spec.cpu: 3 is not a Fargate size", ct);

        Assert.InRange(recorder.TrackedSeries, 1, EventRecorder.MaxTrackedSeries);
        Assert.Equal([(kube.Events[^2].Metadata.Name, 2)], kube.SeriesPatches); // the newest repeat joined its series
        Assert.Equal(widgets.Count + 1, kube.Events.Count); // the oldest was forgotten: its repeat is a new event
        Assert.Equal("w0", kube.Events[^1].Regarding.Name);
    }
}

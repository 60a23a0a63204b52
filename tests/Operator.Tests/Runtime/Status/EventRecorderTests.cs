using EcsOperator.Runtime.Status;
using EcsOperator.Testing;
using Microsoft.Extensions.Logging.Abstractions;
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
}

using k8s;
using k8s.Models;
using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>core/v1 and events.k8s.io/v1 Events are one store, as in kube-apiserver.</summary>
public sealed class EventsClientTests : IAsyncLifetime
{
    private CoreServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await CoreServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task An_event_recorded_through_events_k8s_io_is_listed_by_core_v1_with_its_fields_converted()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.Client.EventsV1.CreateNamespacedEventAsync(
            new Eventsv1Event
            {
                Metadata = new V1ObjectMeta { Name = "web.drift" },
                Regarding = new V1ObjectReference { Kind = "Service", Name = "web", NamespaceProperty = ns },
                Note = "desiredCount was 3 in AWS, set back to 2",
                Reason = "DriftCorrected",
                Type = "Normal",
                Action = "Update",
                ReportingController = "ecs.operator.dev/operator",
                ReportingInstance = "operator-0",
                EventTime = DateTime.UtcNow,
            },
            ns, cancellationToken: TestContext.Current.CancellationToken);

        var core = Assert.Single((await _server.Client.CoreV1.ListNamespacedEventAsync(ns, cancellationToken: TestContext.Current.CancellationToken)).Items);

        Assert.Equal("web", core.InvolvedObject.Name);
        Assert.Equal("desiredCount was 3 in AWS, set back to 2", core.Message);
        Assert.Equal("DriftCorrected", core.Reason);
        Assert.Equal("ecs.operator.dev/operator", core.ReportingComponent);
        Assert.Equal("ecs.operator.dev/operator", core.Source.Component);
    }

    [Fact]
    public async Task A_core_v1_event_reads_back_through_events_k8s_io()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.Client.CoreV1.CreateNamespacedEventAsync(
            new Corev1Event
            {
                Metadata = new V1ObjectMeta { Name = "legacy" },
                InvolvedObject = new V1ObjectReference { Kind = "ConfigMap", Name = "c", NamespaceProperty = ns },
                Message = "hello",
                Reason = "Test",
                Count = 3,
                Source = new V1EventSource { Component = "old-controller" },
            },
            ns, cancellationToken: TestContext.Current.CancellationToken);

        var read = await _server.Client.EventsV1.ReadNamespacedEventAsync("legacy", ns, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("events.k8s.io/v1", read.ApiVersion);
        Assert.Equal("c", read.Regarding.Name);
        Assert.Equal("hello", read.Note);
        Assert.Equal(3, read.DeprecatedCount);
        Assert.Equal("old-controller", read.ReportingController);
    }
}

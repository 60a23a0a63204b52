using EcsOperator.Entities;
using EcsOperator.Runtime;
using EcsOperator.Runtime.Controller;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Testing;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EcsOperator.IntegrationTests.Runtime;

/// <summary>The runtime's writes against a real(istic) API server: finalizers, conflicts, events, the cluster id.</summary>
public sealed class KubeGatewayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_list_longer_than_one_page_returns_every_object_and_the_list_resource_version()
    {
        await using var kube = await RuntimeKube.StartAsync();
        const int objects = 1_203; // the client lists in pages of 500: two full pages and a partial one
        await Parallel.ForEachAsync(Enumerable.Range(0, objects), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) => await kube.CreateAsync($"w{i}"));

        var list = await kube.Client.ListAsync<Widget>(kube.Namespace, null, Ct);

        Assert.Equal(objects, list.Items.Select(w => w.Metadata.Name).Distinct().Count());
        Assert.False(string.IsNullOrEmpty(list.ResourceVersion));
    }

    [Fact]
    public async Task A_deleted_object_is_finalized_and_then_disappears()
    {
        await using var kube = await RuntimeKube.StartAsync();
        await kube.CreateAsync("a");
        await using var op = new OperatorInstance(kube, new OperatorRuntimeOptions { MetricsBindAddress = "0", HealthProbeBindAddress = "0" }, (_, _, _, _, _) => Task.FromResult(ReconcileResult.Done));
        await op.StartAsync();
        Assert.True(await Eventually.TrueAsync(async () => (await kube.ListAsync()).Single().Metadata.Finalizers?.Contains(WellKnown.Finalizer) == true));

        await kube.DeleteAsync("a");

        Assert.True(await Eventually.TrueAsync(async () => (await kube.ListAsync()).Count == 0));
        Assert.Equal(1, op.Finalizes);
    }

    [Fact]
    public async Task Finalizer_writes_survive_a_conflict_and_a_server_error()
    {
        await using var kube = await RuntimeKube.StartAsync();
        await kube.CreateAsync("a");
        var finalizers = new Finalizers(kube.Client);
        var widget = (await kube.ListAsync()).Single();

        kube.Server.Faults.FailNextWrites(1, 409);
        Assert.True(await finalizers.EnsureAsync(widget, Ct));
        kube.Server.Faults.FailNextWrites(1, 500);
        await finalizers.RemoveAsync((await kube.ListAsync()).Single(), Ct);

        Assert.Empty((await kube.ListAsync()).Single().Metadata.Finalizers ?? []);
    }

    [Fact]
    public async Task A_repeated_event_is_one_events_k8s_io_object_with_a_series_count()
    {
        await using var kube = await RuntimeKube.StartAsync();
        await kube.CreateAsync("a");
        var widget = (await kube.ListAsync()).Single();
        await using var recorder = new EventRecorder(kube.Client, new EventRecorderOptions(), NullLogger<EventRecorder>.Instance);

        for (var i = 0; i < 5; i++)
        {
            await recorder.RecordAsync(widget, EventSeverity.Warning, "Throttled", "DescribeServices", "AWS throttled the call", Ct);
        }

        await recorder.FlushAsync(Ct);

        var events = (await kube.Api.EventsV1.ListNamespacedEventAsync(kube.Namespace, cancellationToken: Ct)).Items;
        var only = Assert.Single(events);
        Assert.Equal(5, only.Series?.Count);
        Assert.Equal(("Widget", "a", widget.Metadata.Uid), (only.Regarding.Kind, only.Regarding.Name, only.Regarding.Uid));
        Assert.Equal("ecs-operator", only.ReportingController);
    }

    [Fact]
    public async Task The_cluster_id_is_the_kube_system_namespace_uid()
    {
        await using var kube = await RuntimeKube.StartAsync();
        var kubeSystem = await kube.Api.CoreV1.ReadNamespaceAsync("kube-system", cancellationToken: Ct);

        Assert.Equal(kubeSystem.Metadata.Uid, await kube.Client.GetClusterIdAsync(Ct));
        Assert.False(string.IsNullOrEmpty(kubeSystem.Metadata.Uid));
    }
}

using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>Finalizers, deletionTimestamp and namespace cascade.</summary>
public sealed class DeletionClientTests : IAsyncLifetime
{
    private CoreServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await CoreServer.StartAsync(o => o.KubeSystemUid = "0b1c2d3e-0000-4000-8000-000000000001");

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task The_system_namespaces_exist_and_kube_system_has_the_configured_uid()
    {
        var namespaces = await _server.Client.CoreV1.ListNamespaceAsync(cancellationToken: TestContext.Current.CancellationToken);
        var kubeSystem = await _server.Client.CoreV1.ReadNamespaceAsync("kube-system", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Subset(namespaces.Items.Select(n => n.Metadata.Name).ToHashSet(), new HashSet<string> { "default", "kube-system", "kube-public", "kube-node-lease" });
        Assert.Equal("0b1c2d3e-0000-4000-8000-000000000001", kubeSystem.Metadata.Uid);
        Assert.Equal("Active", kubeSystem.Status.Phase);
    }

    [Fact]
    public async Task Deleting_an_object_with_a_finalizer_marks_it_and_removing_the_finalizer_deletes_it()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns, "w", finalizers: ["test.localkube.dev/hold"]);

        await _server.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(CoreServer.Group, CoreServer.Version, ns, CoreServer.Plural, "w", cancellationToken: TestContext.Current.CancellationToken);
        var marked = await _server.GetWidgetAsync(ns, "w");
        var noNewFinalizers = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _server.MergePatchWidgetAsync(ns, "w", """{"metadata":{"finalizers":["test.localkube.dev/hold","another/one"]}}"""));
        await _server.MergePatchWidgetAsync(ns, "w", """{"metadata":{"finalizers":null}}""");
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => _server.GetWidgetAsync(ns, "w"));

        Assert.NotNull(marked.Metadata.DeletionTimestamp);
        Assert.Equal(2, marked.Metadata.Generation);
        Assert.Equal((HttpStatusCode)422, noNewFinalizers.Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_namespace_deletes_its_contents_then_the_namespace()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" } }, ns, cancellationToken: TestContext.Current.CancellationToken);
        await _server.CreateWidgetAsync(ns, "held", finalizers: ["test.localkube.dev/hold"]);

        await _server.Client.CoreV1.DeleteNamespaceAsync(ns, cancellationToken: TestContext.Current.CancellationToken);
        var terminating = await _server.Client.CoreV1.ReadNamespaceAsync(ns, cancellationToken: TestContext.Current.CancellationToken);
        var configMaps = await _server.Client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: TestContext.Current.CancellationToken);
        var held = await _server.GetWidgetAsync(ns, "held");
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => _server.CreateWidgetAsync(ns, "late"));
        await _server.MergePatchWidgetAsync(ns, "held", """{"metadata":{"finalizers":null}}""");
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _server.Client.CoreV1.ReadNamespaceAsync(ns, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Terminating", terminating.Status.Phase);
        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        Assert.Empty(configMaps.Items);
        Assert.NotNull(held.Metadata.DeletionTimestamp);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task Creating_in_a_missing_namespace_is_404()
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _server.CreateWidgetAsync("does-not-exist", "w"));

        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
    }

    [Fact]
    public async Task A_delete_precondition_on_a_stale_resourceVersion_is_409()
    {
        var ns = await _server.NewNamespaceAsync();
        var created = await _server.CreateWidgetAsync(ns, "w");
        await _server.MergePatchWidgetAsync(ns, "w", """{"spec":{"size":5}}""");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _server.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
                CoreServer.Group, CoreServer.Version, ns, CoreServer.Plural, "w",
                new V1DeleteOptions { Preconditions = new V1Preconditions { ResourceVersion = created.Metadata.ResourceVersion } },
                cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>Optimistic concurrency and error shapes, through typed KubernetesClient calls.</summary>
public sealed class ConcurrencyClientTests : IAsyncLifetime
{
    private CoreServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await CoreServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task An_update_with_a_stale_resourceVersion_is_rejected_with_409_Conflict()
    {
        var ns = await _server.NewNamespaceAsync();
        var created = await _server.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("c", "1"), ns, cancellationToken: TestContext.Current.CancellationToken);
        var fresh = ConfigMap("c", "2");
        fresh.Metadata.ResourceVersion = created.Metadata.ResourceVersion;
        await _server.Client.CoreV1.ReplaceNamespacedConfigMapAsync(fresh, "c", ns, cancellationToken: TestContext.Current.CancellationToken);

        var stale = ConfigMap("c", "3");
        stale.Metadata.ResourceVersion = created.Metadata.ResourceVersion;
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _server.Client.CoreV1.ReplaceNamespacedConfigMapAsync(stale, "c", ns, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        var status = JsonNode.Parse(error.Response.Content)!;
        Assert.Equal("Conflict", (string?)status["reason"]);
        Assert.Equal(
            "Operation cannot be fulfilled on configmaps \"c\": the object has been modified; please apply your changes to the latest version and try again",
            (string?)status["message"]);
    }

    [Fact]
    public async Task Creating_a_name_that_exists_is_409_AlreadyExists()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("c", "1"), ns, cancellationToken: TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _server.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("c", "1"), ns, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("AlreadyExists", (string?)JsonNode.Parse(error.Response.Content)!["reason"]);
    }

    [Fact]
    public async Task Reading_a_missing_object_is_404_NotFound_with_the_resource_named()
    {
        var ns = await _server.NewNamespaceAsync();

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _server.Client.CoordinationV1.ReadNamespacedLeaseAsync("nope", ns, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        var status = JsonNode.Parse(error.Response.Content)!;
        Assert.Equal("leases.coordination.k8s.io \"nope\" not found", (string?)status["message"]);
        Assert.Equal("coordination.k8s.io", (string?)status["details"]!["group"]);
    }

    [Fact]
    public async Task Two_holders_racing_for_a_Lease_see_one_win_and_one_conflict()
    {
        var ns = await _server.NewNamespaceAsync();
        var lease = await _server.Client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease { Metadata = new V1ObjectMeta { Name = "leader" }, Spec = new V1LeaseSpec { HolderIdentity = "a", LeaseDurationSeconds = 15 } },
            ns, cancellationToken: TestContext.Current.CancellationToken);
        var seenByA = await _server.Client.CoordinationV1.ReadNamespacedLeaseAsync("leader", ns, cancellationToken: TestContext.Current.CancellationToken);
        var seenByB = await _server.Client.CoordinationV1.ReadNamespacedLeaseAsync("leader", ns, cancellationToken: TestContext.Current.CancellationToken);

        seenByA.Spec.RenewTime = DateTime.UtcNow;
        var renewed = await _server.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(seenByA, "leader", ns, cancellationToken: TestContext.Current.CancellationToken);
        seenByB.Spec.HolderIdentity = "b";
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _server.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(seenByB, "leader", ns, cancellationToken: TestContext.Current.CancellationToken));
        var current = await _server.Client.CoordinationV1.ReadNamespacedLeaseAsync("leader", ns, cancellationToken: TestContext.Current.CancellationToken);
        current.Spec.HolderIdentity = "b";
        var takenOver = await _server.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(current, "leader", ns, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(lease.Metadata.ResourceVersion, renewed.Metadata.ResourceVersion);
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("b", takenOver.Spec.HolderIdentity);
    }

    [Fact]
    public async Task Injected_write_failures_fail_exactly_the_next_writes()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.PostFaultAsync("/localkube/faults/fail-writes?count=2&code=500");

        var first = await Assert.ThrowsAsync<HttpOperationException>(() => _server.CreateWidgetAsync(ns, "a"));
        var second = await Assert.ThrowsAsync<HttpOperationException>(() => _server.CreateWidgetAsync(ns, "a"));
        var third = await _server.CreateWidgetAsync(ns, "a");

        Assert.Equal(HttpStatusCode.InternalServerError, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, second.Response.StatusCode);
        Assert.Equal("a", third.Metadata.Name);
    }

    [Fact]
    public async Task Injected_conflicts_answer_409_and_reads_still_work()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns, "a");
        _server.Kube.Faults.FailNextWrites(1, 409);

        var read = await _server.GetWidgetAsync(ns, "a");
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _server.MergePatchWidgetAsync(ns, "a", """{"spec":{"size":2}}"""));

        Assert.Equal("a", read.Metadata.Name);
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
    }

    private static V1ConfigMap ConfigMap(string name, string value) =>
        new() { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["v"] = value } };
}

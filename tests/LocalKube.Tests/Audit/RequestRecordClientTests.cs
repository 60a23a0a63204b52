using System.Net.Http.Headers;
using k8s;
using k8s.Models;
using LocalKube.Audit;
using LocalKube.Tests.Core;
using Xunit;

namespace LocalKube.Tests.Audit;

/// <summary>The request record sees what a real KubernetesClient sends, with its user agent and user.</summary>
public sealed class RequestRecordClientTests : IAsyncLifetime
{
    private CoreServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await CoreServer.StartAsync(o => o.RequestRecordCapacity = 5);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Every_verb_a_client_sends_is_recorded_with_its_resource_and_namespace()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns, "w1");
        await _server.GetWidgetAsync(ns, "w1");
        await _server.MergePatchWidgetAsync(ns, "w1", """{"status":{"phase":"ok"}}""", status: true);
        await _server.ListWidgetsAsync(ns);
        await _server.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            CoreServer.Group, CoreServer.Version, ns, CoreServer.Plural, "w1", cancellationToken: TestContext.Current.CancellationToken);

        var permissions = _server.Kube.Requests.Permissions();
        Assert.Contains(new Permission("create", string.Empty, "namespaces"), permissions);
        Assert.Contains(new Permission("create", CoreServer.Group, "widgets"), permissions);
        Assert.Contains(new Permission("get", CoreServer.Group, "widgets"), permissions);
        Assert.Contains(new Permission("patch", CoreServer.Group, "widgets/status"), permissions);
        Assert.Contains(new Permission("list", CoreServer.Group, "widgets"), permissions);
        Assert.Contains(new Permission("delete", CoreServer.Group, "widgets"), permissions);
        var delete = _server.Kube.Requests.Requests[^1];
        Assert.Equal((ns, "w1", "localkube-admin"), (delete.Namespace, delete.Name, delete.User));
    }

    [Fact]
    public async Task The_detail_is_bounded_but_the_permission_set_keeps_everything()
    {
        var ns = await _server.NewNamespaceAsync();
        for (var i = 0; i < 8; i++)
        {
            await _server.CreateWidgetAsync(ns, $"w{i}");
        }

        await _server.ListWidgetsAsync(ns);

        Assert.Equal(5, _server.Kube.Requests.Requests.Count);
        Assert.Contains(new Permission("create", string.Empty, "namespaces"), _server.Kube.Requests.Permissions());
    }

    [Fact]
    public async Task Permissions_can_be_narrowed_to_one_client_by_its_user_agent()
    {
        using var http = new HttpClient { BaseAddress = _server.Kube.BaseUri };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("other-client", "1.0"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t-other");
        _server.Kube.Access.AddToken("t-other", "jane");
        using var response = await http.GetAsync(new Uri("/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1", UriKind.Relative), TestContext.Current.CancellationToken);
        await _server.Client.CoreV1.ListNamespaceAsync(cancellationToken: TestContext.Current.CancellationToken);

        var permissions = _server.Kube.Requests.Permissions("other-client/");
        Assert.Equal([new Permission("watch", string.Empty, "configmaps")], permissions);
        Assert.Contains(_server.Kube.Requests.Requests, r => r.User == "jane" && r.Namespace == "default");
    }

    [Fact]
    public async Task Clear_starts_a_fresh_record()
    {
        await _server.Client.CoreV1.ListNamespaceAsync(cancellationToken: TestContext.Current.CancellationToken);
        _server.Kube.Requests.Clear();
        await _server.Client.CoreV1.ReadNamespaceAsync("default", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([new Permission("get", string.Empty, "namespaces")], _server.Kube.Requests.Permissions());
    }
}

using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>Custom resource semantics seen through the real KubernetesClient.</summary>
public sealed class CustomResourceClientTests : IAsyncLifetime
{
    private CoreServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await CoreServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Status_writes_ignore_spec_and_spec_writes_ignore_status()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns, "w", size: 1);

        await _server.MergePatchWidgetAsync(ns, "w", """{"spec":{"size":5},"status":{"ready":true}}""", status: true);
        var afterStatusWrite = await _server.GetWidgetAsync(ns, "w");
        await _server.MergePatchWidgetAsync(ns, "w", """{"spec":{"size":7},"status":{"ready":false}}""");
        var afterSpecWrite = await _server.GetWidgetAsync(ns, "w");

        Assert.Equal(1, afterStatusWrite.Spec!.Size);
        Assert.True(afterStatusWrite.Status!.Ready);
        Assert.Equal(7, afterSpecWrite.Spec!.Size);
        Assert.True(afterSpecWrite.Status!.Ready);
    }

    [Fact]
    public async Task Status_given_on_create_is_dropped()
    {
        var ns = await _server.NewNamespaceAsync();
        var created = await _server.Client.CustomObjects.CreateNamespacedCustomObjectAsync<Widget>(
            new Widget { Metadata = new V1ObjectMeta { Name = "w" }, Spec = new WidgetSpec { Size = 1 }, Status = new WidgetStatus { Ready = true } },
            CoreServer.Group, CoreServer.Version, ns, CoreServer.Plural, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(created.Status);
    }

    [Fact]
    public async Task Generation_bumps_on_spec_changes_only()
    {
        var ns = await _server.NewNamespaceAsync();
        var created = await _server.CreateWidgetAsync(ns, "w", size: 1);
        var labelled = await _server.MergePatchWidgetAsync(ns, "w", """{"metadata":{"labels":{"a":"b"}}}""");
        var statusWritten = await _server.MergePatchWidgetAsync(ns, "w", """{"status":{"ready":true}}""", status: true);
        var resized = await _server.MergePatchWidgetAsync(ns, "w", """{"spec":{"size":2}}""");

        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal(1, labelled.Metadata.Generation);
        Assert.Equal(1, statusWritten.Metadata.Generation);
        Assert.Equal(2, resized.Metadata.Generation);
    }

    [Fact]
    public async Task An_unchanged_write_keeps_the_resourceVersion()
    {
        var ns = await _server.NewNamespaceAsync();
        var created = await _server.CreateWidgetAsync(ns, "w", size: 3);

        var patched = await _server.MergePatchWidgetAsync(ns, "w", """{"spec":{"size":3}}""");

        Assert.Equal(created.Metadata.ResourceVersion, patched.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task ResourceVersions_increase_across_all_objects()
    {
        var ns = await _server.NewNamespaceAsync();
        var a = await _server.CreateWidgetAsync(ns, "a");
        var cm = await _server.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" } }, ns, cancellationToken: TestContext.Current.CancellationToken);
        var b = await _server.CreateWidgetAsync(ns, "b");

        Assert.True(long.Parse(a.Metadata.ResourceVersion) < long.Parse(cm.Metadata.ResourceVersion));
        Assert.True(long.Parse(cm.Metadata.ResourceVersion) < long.Parse(b.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task GenerateName_completes_the_name_and_uid_and_creationTimestamp_are_set()
    {
        var ns = await _server.NewNamespaceAsync();
        var created = await _server.Client.CustomObjects.CreateNamespacedCustomObjectAsync<Widget>(
            new Widget { Metadata = new V1ObjectMeta { GenerateName = "gen-" }, Spec = new WidgetSpec() },
            CoreServer.Group, CoreServer.Version, ns, CoreServer.Plural, cancellationToken: TestContext.Current.CancellationToken);

        Assert.StartsWith("gen-", created.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal(9, created.Metadata.Name.Length);
        Assert.True(Guid.TryParse(created.Metadata.Uid, out _));
        Assert.NotNull(created.Metadata.CreationTimestamp);
    }

    [Fact]
    public async Task Paging_with_limit_and_continue_returns_every_object_once()
    {
        var ns = await _server.NewNamespaceAsync();
        for (var i = 0; i < 25; i++)
        {
            await _server.CreateWidgetAsync(ns, $"w{i:D2}");
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _server.ListWidgetsAsync(ns, limit: 10, continueToken: token);
            seen.AddRange(page.Items.Select(w => w.Metadata.Name));
            token = page.Metadata.ContinueProperty;
            pages++;
        }
        while (!string.IsNullOrEmpty(token) && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"w{i:D2}"), seen);
    }

    [Theory]
    [InlineData("tier=web", "a")]
    [InlineData("tier==web", "a")]
    [InlineData("tier!=web", "b,c")]
    [InlineData("tier in (web,db)", "a,b")]
    [InlineData("tier notin (web,db)", "c")]
    [InlineData("tier", "a,b")]
    [InlineData("!tier", "c")]
    [InlineData("tier=db,env=prod", "b")]
    public async Task Label_selectors_filter_lists(string selector, string expected)
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns, "a", labels: new Dictionary<string, string> { ["tier"] = "web" });
        await _server.CreateWidgetAsync(ns, "b", labels: new Dictionary<string, string> { ["tier"] = "db", ["env"] = "prod" });
        await _server.CreateWidgetAsync(ns, "c", labels: new Dictionary<string, string> { ["env"] = "prod" });

        var list = await _server.ListWidgetsAsync(ns, labelSelector: selector);

        Assert.Equal(expected, string.Join(',', list.Items.Select(w => w.Metadata.Name)));
    }

    [Fact]
    public async Task Field_selector_on_metadata_name_picks_one_object()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns, "a");
        await _server.CreateWidgetAsync(ns, "b");

        var list = await _server.ListWidgetsAsync(ns, fieldSelector: "metadata.name=b");

        Assert.Equal("b", Assert.Single(list.Items).Metadata.Name);
    }

    [Fact]
    public async Task Listing_across_namespaces_returns_objects_from_each()
    {
        var ns1 = await _server.NewNamespaceAsync();
        var ns2 = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns1, "a");
        await _server.CreateWidgetAsync(ns2, "b");

        var list = await _server.Client.CustomObjects.ListCustomObjectForAllNamespacesAsync<WidgetList>(
            CoreServer.Group, CoreServer.Version, CoreServer.Plural, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(list.Items, w => w.Metadata.NamespaceProperty == ns1 && w.Metadata.Name == "a");
        Assert.Contains(list.Items, w => w.Metadata.NamespaceProperty == ns2 && w.Metadata.Name == "b");
    }

    [Fact]
    public async Task Json_patch_applies_each_operation()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns, "w", size: 1);

        var patched = await _server.Client.CustomObjects.PatchNamespacedCustomObjectAsync<Widget>(
            new V1Patch("""[{"op":"replace","path":"/spec/size","value":4},{"op":"add","path":"/metadata/labels","value":{"x":"y"}}]""", V1Patch.PatchType.JsonPatch),
            CoreServer.Group, CoreServer.Version, ns, CoreServer.Plural, "w", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, patched.Spec!.Size);
        Assert.Equal("y", patched.Metadata.Labels["x"]);
    }

    [Fact]
    public async Task Deleting_the_CRD_removes_its_objects_and_its_discovery_entry()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns, "w");

        await _server.Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.test.localkube.dev", cancellationToken: TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _server.GetWidgetAsync(ns, "w"));
        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        var groups = await _server.Client.Apis.GetAPIVersionsAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(groups.Groups, g => g.Name == CoreServer.Group);
    }

    [Fact]
    public async Task A_new_CRD_is_established_and_served_with_its_names_in_discovery()
    {
        var crd = await _server.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.test.localkube.dev", cancellationToken: TestContext.Current.CancellationToken);
        using var response = await _server.Http.GetAsync(new Uri("/apis/test.localkube.dev/v1", UriKind.Relative), TestContext.Current.CancellationToken);
        var resources = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Contains(crd.Status.Conditions, c => c.Type == "NamesAccepted" && c.Status == "True");
        Assert.Contains("\"shortNames\":[\"wd\"]", resources, StringComparison.Ordinal);
        Assert.Contains("\"categories\":[\"testing\"]", resources, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"widgets/status\"", resources, StringComparison.Ordinal);
    }
}

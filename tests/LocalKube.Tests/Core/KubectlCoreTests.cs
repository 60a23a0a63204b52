using EcsOperator.Testing;
using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>Smoke tests with the real kubectl 1.32 (the full conformance flows live in the API-surface tests).</summary>
public sealed class KubectlCoreTests : IAsyncLifetime
{
    private CoreServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await CoreServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Kubectl_lists_the_system_namespaces()
    {
        var kubectl = new EcsOperator.Testing.Kubectl(_server.Kube.Kubeconfig.Path);

        var output = await kubectl.RunOkAsync("get", "namespaces", "-o", "name");

        Assert.Equal(
            ["namespace/default", "namespace/kube-node-lease", "namespace/kube-public", "namespace/kube-system"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Kubectl_creates_reads_and_deletes_a_ConfigMap()
    {
        var kubectl = new EcsOperator.Testing.Kubectl(_server.Kube.Kubeconfig.Path);
        var ns = await _server.NewNamespaceAsync();

        var created = await kubectl.RunOkAsync("create", "configmap", "settings", "-n", ns, "--from-literal=mode=prod");
        var value = await kubectl.RunOkAsync("get", "configmap", "settings", "-n", ns, "-o", "jsonpath={.data.mode}");
        var deleted = await kubectl.RunOkAsync("delete", "configmap", "settings", "-n", ns, "--wait");
        var missing = await kubectl.RunAsync("get", "configmap", "settings", "-n", ns);

        Assert.Equal("configmap/settings created", created.Trim());
        Assert.Equal("prod", value.Trim());
        Assert.Equal("configmap \"settings\" deleted", deleted.Trim());
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("configmaps \"settings\" not found", missing.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_finds_a_custom_resource_by_short_name_and_category()
    {
        var kubectl = new EcsOperator.Testing.Kubectl(_server.Kube.Kubeconfig.Path);
        var ns = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns, "w1");

        var byShortName = await kubectl.RunOkAsync("get", "wd", "-n", ns, "-o", "name");
        var byCategory = await kubectl.RunOkAsync("get", "testing", "-n", ns, "-o", "name");
        var resources = await kubectl.RunOkAsync("api-resources", "--api-group=test.localkube.dev");

        Assert.Equal("widget.test.localkube.dev/w1", byShortName.Trim());
        Assert.Equal("widget.test.localkube.dev/w1", byCategory.Trim());
        Assert.Contains("widgets", resources, StringComparison.Ordinal);
        Assert.Contains("wd", resources, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_delete_namespace_waits_until_its_contents_and_itself_are_gone()
    {
        var kubectl = new EcsOperator.Testing.Kubectl(_server.Kube.Kubeconfig.Path);
        var ns = await _server.NewNamespaceAsync();
        await kubectl.RunOkAsync("create", "configmap", "c", "-n", ns);
        await _server.CreateWidgetAsync(ns, "w");

        var deleted = await kubectl.RunOkAsync("delete", "namespace", ns, "--wait", "--timeout=60s");
        var missing = await kubectl.RunAsync("get", "namespace", ns);

        Assert.Equal($"namespace \"{ns}\" deleted", deleted.Trim());
        Assert.NotEqual(0, missing.ExitCode);
    }
}

using EcsOperator.Testing;
using Xunit;

namespace LocalKube.Tests.Conformance;

/// <summary>kubectl label, annotate, patch, wait and delete against LocalKube.</summary>
public class KubectlWriteConformanceTests(LocalKubeFixture kube) : IClassFixture<LocalKubeFixture>
{
    private static async Task<string> StackNamespaceAsync(EcsOperator.Testing.Kubectl kubectl)
    {
        var ns = await LocalKubeFixture.NewNamespaceAsync(kubectl);
        await kubectl.RunOkAsync("apply", "-n", ns, "-f", LocalKubeFixture.Config("samples", "stack.yaml"));
        return ns;
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Label_annotate_and_merge_and_json_patches_change_the_stored_object(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await StackNamespaceAsync(kubectl);
        const string Svc = "services.ecs.operator.dev";

        Assert.Contains("labeled", await kubectl.RunOkAsync("label", "-n", ns, Svc, "web", "tier=frontend"), StringComparison.Ordinal);
        Assert.Contains("annotated", await kubectl.RunOkAsync("annotate", "-n", ns, Svc, "web", "owner=payments"), StringComparison.Ordinal);
        Assert.Contains("patched", await kubectl.RunOkAsync("patch", "-n", ns, Svc, "web", "--type", "merge", "-p", """{"spec":{"desiredCount":4}}"""), StringComparison.Ordinal);
        Assert.Contains("patched", await kubectl.RunOkAsync("patch", "-n", ns, Svc, "web", "--type", "json", "-p", """[{"op":"replace","path":"/spec/platformVersion","value":"1.4.0"}]"""), StringComparison.Ordinal);

        var stored = kube.GetEcs("services", ns, "web")!;
        Assert.Equal("frontend", stored["metadata"]!["labels"]!["tier"]!.GetValue<string>());
        Assert.Equal("payments", stored["metadata"]!["annotations"]!["owner"]!.GetValue<string>());
        Assert.Equal(4, stored["spec"]!["desiredCount"]!.GetValue<int>());
        Assert.Equal("1.4.0", stored["spec"]!["platformVersion"]!.GetValue<string>());
        Assert.Equal(3, stored["metadata"]!["generation"]!.GetValue<long>());
        var selected = await kubectl.RunOkAsync("get", Svc, "-n", ns, "-l", "tier=frontend", "-o", "name");
        Assert.Equal("service.ecs.operator.dev/web", selected.Trim());
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Wait_for_condition_returns_once_the_status_subresource_reports_ready(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await StackNamespaceAsync(kubectl);

        var watchesBefore = kube.Server.Faults.OpenWatches;
        var waiting = kubectl.RunAsync("wait", "-n", ns, "--for=condition=Ready", "services.ecs.operator.dev/web", "--timeout=30s");

        // The signal: kubectl has read the object (not Ready) and opened its watch; it must still be waiting then.
        Assert.True(await Eventually.TrueAsync(() => kube.Server.Faults.OpenWatches > watchesBefore || waiting.IsCompleted, TimeSpan.FromSeconds(20)), "kubectl wait never opened a watch");
        Assert.False(waiting.IsCompleted, "kubectl wait returned before the condition was set");
        kube.MergePatch("services", ns, "web", """{"status":{"conditions":[{"type":"Ready","status":"True","reason":"Steady","message":"ok","lastTransitionTime":"2026-01-01T00:00:00Z"}]}}""", "status");

        var result = await waiting;

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("service.ecs.operator.dev/web condition met", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Delete_wait_blocks_on_a_finalizer_until_it_is_removed(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await StackNamespaceAsync(kubectl);
        kube.MergePatch("clusters", ns, "demo", """{"metadata":{"finalizers":["test.ecs.operator.dev/hold"]}}""");

        var deleting = kubectl.RunAsync("delete", "-n", ns, "ecsc", "demo", "--wait", "--timeout=30s");
        // Bounded: kubectl needs discovery before it sends the DELETE, which can take seconds on a busy machine.
        await Eventually.TrueAsync(() => deleting.IsCompleted || kube.GetEcs("clusters", ns, "demo")?["metadata"]?["deletionTimestamp"] is not null, TimeSpan.FromSeconds(30));

        Assert.NotNull(kube.GetEcs("clusters", ns, "demo")!["metadata"]!["deletionTimestamp"]);
        Assert.False(deleting.IsCompleted, "kubectl delete --wait returned while a finalizer remained");
        kube.MergePatch("clusters", ns, "demo", """{"metadata":{"finalizers":null}}""");

        var result = await deleting;

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("cluster.ecs.operator.dev \"demo\" deleted", result.StdOut, StringComparison.Ordinal);
        Assert.Null(kube.GetEcs("clusters", ns, "demo"));
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Deleting_a_namespace_removes_everything_in_it(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await StackNamespaceAsync(kubectl);
        await kubectl.RunOkAsync("create", "configmap", "settings", "-n", ns, "--from-literal=a=1");

        var output = await kubectl.RunOkAsync("delete", "namespace", ns, "--wait", "--timeout=30s");

        Assert.Contains($"namespace \"{ns}\" deleted", output, StringComparison.Ordinal);
        Assert.Null(kube.GetEcs("services", ns, "web"));
        Assert.Null(kube.GetEcs("taskdefinitions", ns, "web"));
        Assert.Null(kube.Get(string.Empty, "v1", "configmaps", ns, "settings"));
        Assert.Null(kube.Get(string.Empty, "v1", "namespaces", null, ns));
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Client_side_apply_of_a_built_in_merges_with_strategic_merge_patch(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await LocalKubeFixture.NewNamespaceAsync(kubectl);
        const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: \"1\"\n";

        Assert.Contains("configmap/settings created", await kubectl.RunOkAsync("apply", "-n", ns, "-f", Manifests.ToFile(ConfigMap)), StringComparison.Ordinal);
        Assert.Contains("configmap/settings unchanged", await kubectl.RunOkAsync("apply", "-n", ns, "-f", Manifests.ToFile(ConfigMap)), StringComparison.Ordinal);
        var edited = ConfigMap.Replace("a: \"1\"", "b: \"2\"", StringComparison.Ordinal);
        Assert.Contains("configmap/settings configured", await kubectl.RunOkAsync("apply", "-n", ns, "-f", Manifests.ToFile(edited)), StringComparison.Ordinal);

        var data = kube.Get(string.Empty, "v1", "configmaps", ns, "settings")!["data"]!.AsObject();
        Assert.Equal(["b"], data.Select(p => p.Key));
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Client_side_apply_of_a_deployment_edit_merges_containers_by_name(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await LocalKubeFixture.NewNamespaceAsync(kubectl);
        const string Deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
            spec:
              replicas: 1
              selector: {matchLabels: {app: app}}
              template:
                metadata: {labels: {app: app}}
                spec:
                  containers:
                  - name: main
                    image: main:1
                  - name: sidecar
                    image: sidecar:1
            """;
        await kubectl.RunOkAsync("apply", "-n", ns, "-f", Manifests.ToFile(Deployment));
        kube.MergePatchDeployment(ns, "app", """{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"main:1"},{"name":"sidecar","image":"sidecar:1","imagePullPolicy":"Always"}]}}}}""");

        var output = await kubectl.RunOkAsync("apply", "-n", ns, "-f", Manifests.ToFile(Deployment.Replace("main:1", "main:2", StringComparison.Ordinal)));

        Assert.Contains("deployment.apps/app configured", output, StringComparison.Ordinal);
        var containers = kube.Get("apps", "v1", "deployments", ns, "app")!["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["main", "sidecar"], containers.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal("main:2", containers[0]!["image"]!.GetValue<string>());
        Assert.Equal("Always", containers[1]!["imagePullPolicy"]!.GetValue<string>());
    }
}

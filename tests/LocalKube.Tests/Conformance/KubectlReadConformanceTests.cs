using EcsOperator.Testing;
using Xunit;

namespace LocalKube.Tests.Conformance;

/// <summary>kubectl get (tables, yaml, jsonpath) and explain against LocalKube.</summary>
public class KubectlReadConformanceTests(LocalKubeFixture kube) : IClassFixture<LocalKubeFixture>
{
    private static async Task<string> StackNamespaceAsync(EcsOperator.Testing.Kubectl kubectl)
    {
        var ns = await LocalKubeFixture.NewNamespaceAsync(kubectl);
        await kubectl.RunOkAsync("apply", "-n", ns, "-f", LocalKubeFixture.Config("samples", "stack.yaml"));
        return ns;
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Get_ecs_lists_all_four_kinds_with_their_printer_columns(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await StackNamespaceAsync(kubectl);
        kube.MergePatch("services", ns, "web", """{"status":{"conditions":[{"type":"Ready","status":"True","reason":"Steady","message":"ok","lastTransitionTime":"2026-01-01T00:00:00Z"}]}}""", "status");

        var output = await kubectl.RunOkAsync("get", "ecs", "-n", ns);

        Assert.Contains("cluster.ecs.operator.dev/demo", output, StringComparison.Ordinal);
        Assert.Contains("taskdefinition.ecs.operator.dev/web", output, StringComparison.Ordinal);
        Assert.Contains("loadbalancerbinding.ecs.operator.dev/web", output, StringComparison.Ordinal);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output, @"NAME\s+READY\s+SERVICE\s+DESIRED\s+RUNNING\s+ROLLOUT\s+TASKDEFINITION\s+AGE"), output);
        Assert.Matches(@"service\.ecs\.operator\.dev/web\s+True\s", output);

        var wide = await kubectl.RunOkAsync("get", "services.ecs.operator.dev", "-n", ns, "-o", "wide");
        Assert.Contains("ARN", wide, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Get_one_object_as_yaml_and_through_jsonpath(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await StackNamespaceAsync(kubectl);

        var yaml = await kubectl.RunOkAsync("get", "services.ecs.operator.dev", "web", "-n", ns, "-o", "yaml");
        Assert.Contains("apiVersion: ecs.operator.dev/v1alpha1", yaml, StringComparison.Ordinal);
        Assert.Contains("kind: Service", yaml, StringComparison.Ordinal);
        Assert.Contains($"namespace: {ns}", yaml, StringComparison.Ordinal);
        Assert.Contains("desiredCount: 2", yaml, StringComparison.Ordinal);

        var uid = kube.GetEcs("services", ns, "web")!["metadata"]!["uid"]!.GetValue<string>();
        var jsonpath = await kubectl.RunOkAsync("get", "services.ecs.operator.dev", "web", "-n", ns, "-o", "jsonpath={.spec.launchType}/{.metadata.uid}");
        Assert.Equal($"FARGATE/{uid}", jsonpath.Trim());

        var single = await kubectl.RunOkAsync("get", "ecss", "web", "-n", ns);
        Assert.Equal(2, single.Trim().Split('\n').Length);
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Explain_reads_the_crd_schema_for_the_requested_api_version(string client)
    {
        var kubectl = await kube.KubectlAsync(client);

        var output = await kubectl.RunOkAsync("explain", "services.spec.deploymentConfiguration", "--api-version=ecs.operator.dev/v1alpha1");

        Assert.Contains("GROUP:      ecs.operator.dev", output, StringComparison.Ordinal);
        Assert.Contains("KIND:       Service", output, StringComparison.Ordinal);
        Assert.Contains("VERSION:    v1alpha1", output, StringComparison.Ordinal);
        Assert.Contains("FIELD: deploymentConfiguration <Object>", output, StringComparison.Ordinal);
        Assert.Contains("deploymentCircuitBreaker\t<Object>", output, StringComparison.Ordinal);

        var core = await kubectl.RunOkAsync("explain", "services");
        Assert.Contains("VERSION:    v1", core, StringComparison.Ordinal);
        Assert.DoesNotContain("ecs.operator.dev", core, StringComparison.Ordinal);
    }
}

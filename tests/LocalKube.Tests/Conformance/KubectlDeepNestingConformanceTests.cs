using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Testing;
using Xunit;

namespace LocalKube.Tests.Conformance;

/// <summary>
/// kube-apiserver (Go's encoding/json) stores objects nested up to 10,000 levels and refuses deeper ones with a 400;
/// LocalKube must do the same, and never crash on the way (a free-form field such as hookDetails may nest deep).
/// </summary>
public class KubectlDeepNestingConformanceTests(LocalKubeFixture kube) : IClassFixture<LocalKubeFixture>
{
    /// <summary>The Service object, spec, deploymentConfiguration, lifecycleHooks and the hook wrap hookDetails.</summary>
    private const int LevelsAboveHookDetails = 5;

    private static readonly JsonDocumentOptions Deep = new() { MaxDepth = 20_000 };

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Apply_stores_hook_details_nested_2000_deep_and_get_reads_them_back_intact(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await LocalKubeFixture.NewNamespaceAsync(kubectl);

        var applied = await ApplyAsync(kubectl, ns, "deep", 2_000);

        Assert.Equal(0, applied.ExitCode);
        var read = await kubectl.RunOkAsync("get", "-n", ns, "ecss", "deep", "-o", "json");
        Assert.Equal(2_000, NestingOf(HookDetails(JsonNode.Parse(read, documentOptions: Deep)!)));
        Assert.Equal(2_000, NestingOf(HookDetails(kube.GetEcs("services", ns, "deep")!)));
    }

    [Fact]
    public async Task An_object_exactly_10000_deep_is_stored_patched_applied_and_watched()
    {
        var kubectl = await kube.KubectlAsync(KubectlClients.OnPath);
        var ns = await LocalKubeFixture.NewNamespaceAsync(kubectl);
        var hookDepth = JsonLimitsMaxDepth - LevelsAboveHookDetails;

        Assert.Equal(0, (await ApplyAsync(kubectl, ns, "deepest", hookDepth)).ExitCode);
        var created = kube.GetEcs("services", ns, "deepest")!["metadata"]!["resourceVersion"]!.GetValue<string>();
        await kubectl.RunOkAsync("patch", "-n", ns, "ecss", "deepest", "--type", "merge", "-p", """{"spec":{"desiredCount":3}}""");
        Assert.Equal(0, (await ApplyAsync(kubectl, ns, "deepest", hookDepth, "--server-side", "--force-conflicts")).ExitCode);

        var stored = kube.GetEcs("services", ns, "deepest")!;
        Assert.Equal(hookDepth, NestingOf(HookDetails(stored)));
        Assert.Equal(3, stored["spec"]!["desiredCount"]!.GetValue<int>());
        using var http = new HttpClient { BaseAddress = kube.Server.BaseUri };
        var watched = await http.GetStringAsync(
            new Uri($"/apis/ecs.operator.dev/v1alpha1/namespaces/{ns}/services?watch=true&resourceVersion={created}&timeoutSeconds=1", UriKind.Relative),
            TestContext.Current.CancellationToken);
        var events = watched.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line, documentOptions: Deep)!).ToList();
        Assert.All(events, e => Assert.Equal("MODIFIED", e["type"]!.GetValue<string>()));
        Assert.Equal(3, events[^1]["object"]!["spec"]!["desiredCount"]!.GetValue<int>());
        Assert.All(events, e => Assert.Equal(hookDepth, NestingOf(HookDetails(e["object"]!))));
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Nesting_past_10000_is_refused_with_the_api_servers_400_and_the_server_keeps_serving(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await LocalKubeFixture.NewNamespaceAsync(kubectl);
        var tooDeep = Manifest("too-deep", JsonLimitsMaxDepth - LevelsAboveHookDetails + 1).ToJsonString(new JsonSerializerOptions { MaxDepth = 20_000 });

        using var http = new HttpClient { BaseAddress = kube.Server.BaseUri };
        using var answer = await http.PostAsync(
            new Uri($"/apis/ecs.operator.dev/v1alpha1/namespaces/{ns}/services", UriKind.Relative),
            new StringContent(tooDeep, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        var status = JsonNode.Parse(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("BadRequest", status["reason"]!.GetValue<string>());
        Assert.StartsWith(
            "the object provided is unrecognized (must be of type Service): couldn't get version/kind; json parse error: exceeded max depth ({\"apiVersion\"",
            status["message"]!.GetValue<string>(),
            StringComparison.Ordinal);

        // kubectl refuses it too (go-yaml stops at the same depth); either way nothing is stored and the server serves.
        var applied = await ApplyAsync(kubectl, ns, "too-deep", JsonLimitsMaxDepth - LevelsAboveHookDetails + 1);
        Assert.NotEqual(0, applied.ExitCode);
        Assert.Contains("exceeded max depth", applied.StdErr, StringComparison.Ordinal);
        Assert.Null(kube.GetEcs("services", ns, "too-deep"));
        Assert.Contains("No resources found", (await kubectl.RunAsync("get", "-n", ns, "ecss")).StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yaml_body_nested_past_10000_is_refused_before_it_is_built()
    {
        var ns = TestNames.Unique("deep");
        var yaml = $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: x}}\ndata: {Nest(50_000)}\n";
        using var http = new HttpClient { BaseAddress = kube.Server.BaseUri };

        using var answer = await http.PostAsync(
            new Uri($"/api/v1/namespaces/{ns}/configmaps", UriKind.Relative),
            new StringContent(yaml, Encoding.UTF8, "application/yaml"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("exceeded max depth of 10000", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private const int JsonLimitsMaxDepth = LocalKube.Serialization.JsonLimits.MaxDepth;

    private static async Task<ProcessResult> ApplyAsync(EcsOperator.Testing.Kubectl kubectl, string ns, string name, int hookDepth, params string[] extra)
    {
        var file = Path.Combine(Path.GetTempPath(), $"{TestNames.Unique("deep")}.json");
        await File.WriteAllTextAsync(file, Manifest(name, hookDepth).ToJsonString(new JsonSerializerOptions { MaxDepth = 20_000 }), TestContext.Current.CancellationToken);
        try
        {
            return await kubectl.RunAsync(["apply", "-n", ns, "-f", file, .. extra]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static JsonObject Manifest(string name, int hookDepth) => new()
    {
        ["apiVersion"] = "ecs.operator.dev/v1alpha1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["cluster"] = "demo",
            ["taskDefinition"] = "web:1",
            ["deploymentConfiguration"] = new JsonObject
            {
                ["lifecycleHooks"] = new JsonArray(new JsonObject
                {
                    ["hookTargetArn"] = "arn:aws:lambda:us-east-1:123456789012:function:hook",
                    ["roleArn"] = "arn:aws:iam::123456789012:role/hook",
                    ["lifecycleStages"] = new JsonArray("POST_TEST_TRAFFIC_SHIFT"),
                    ["hookDetails"] = JsonNode.Parse(Nest(hookDepth), documentOptions: Deep),
                }),
            },
        },
    };

    private static string Nest(int depth) => new StringBuilder().Insert(0, "{\"a\":", depth).Append('1').Append('}', depth).ToString();

    private static JsonNode HookDetails(JsonNode service) => service["spec"]!["deploymentConfiguration"]!["lifecycleHooks"]![0]!["hookDetails"]!;

    /// <summary>How many objects nest from this one down to the leaf 1 (walked, not recursed); -1 when the leaf is not 1.</summary>
    private static int NestingOf(JsonNode node)
    {
        var depth = 0;
        var current = node;
        for (; current is JsonObject level; current = level["a"])
        {
            depth++;
        }

        return current is JsonValue leaf && leaf.GetValue<int>() == 1 ? depth : -1;
    }
}

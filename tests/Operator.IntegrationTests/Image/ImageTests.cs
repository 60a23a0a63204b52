using System.Text.Json.Nodes;
using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Image;

/// <summary>
/// What can be proven about the image without a container engine: the Dockerfile's shape, its exact publish, and
/// the published operator reconciling as UID 65532 on a read-only root filesystem with only /tmp writable.
/// </summary>
public sealed class ImageTests(SandboxedOperator stack) : IClassFixture<SandboxedOperator>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Dockerfiles_publish_is_untrimmed_framework_dependent_ReadyToRun_and_culture_invariant()
    {
        var image = await PublishedImage.GetAsync(Ct);

        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(image.AppDirectory, "ecs-operator.runtimeconfig.json"), Ct))!;
        Assert.True(config["runtimeOptions"]!["configProperties"]!["System.Globalization.Invariant"]!.GetValue<bool>());
        Assert.Contains(config["runtimeOptions"]!["frameworks"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "Microsoft.AspNetCore.App");
        Assert.False(File.Exists(Path.Combine(image.AppDirectory, "ecs-operator")), "UseAppHost=false: the image runs `dotnet ecs-operator.dll`");
        Assert.True(File.Exists(Path.Combine(image.AppDirectory, "KubernetesClient.dll")));
        Assert.DoesNotContain(PublishedImage.Stages().SelectMany(s => s.All("RUN")), run => run.Arguments.Contains("PublishTrimmed=true", StringComparison.OrdinalIgnoreCase));
        Assert.All(new[] { "ecs-operator.dll", "KubernetesClient.dll", "AWSSDK.Core.dll" }, dll => Assert.True(IsReadyToRun(Path.Combine(image.AppDirectory, dll)), $"{dll} is not ReadyToRun"));
    }

    /// <summary>A ReadyToRun assembly carries precompiled code, announced by the CLI header's managed native header.</summary>
    private static bool IsReadyToRun(string path)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(path));
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    [Fact]
    public async Task The_sandbox_runs_as_uid_65532_and_lets_it_write_to_tmp_only()
    {
        var sandbox = await stack.StartedAsync();
        var image = await PublishedImage.GetAsync(Ct);

        var id = await sandbox.RunInSandboxAsync(["id", "-u"]);
        var tmp = await sandbox.RunInSandboxAsync(["touch", "/tmp/written"]);
        var app = await sandbox.RunInSandboxAsync(["touch", Path.Combine(image.AppDirectory, "written")]);
        var root = await sandbox.RunInSandboxAsync(["touch", "/written-by-the-operator"]);

        Assert.Equal("65532", id.StdOut.Trim());
        Assert.True(tmp.ExitCode == 0, tmp.ToString());
        Assert.Contains("Read-only file system", app.StdErr, StringComparison.Ordinal);
        Assert.NotEqual(0, root.ExitCode);
    }

    [Fact]
    public async Task The_published_operator_as_uid_65532_on_a_read_only_root_reconciles_a_Cluster_to_Ready()
    {
        var sandbox = await stack.StartedAsync();
        var ns = await sandbox.Objects.CreateNamespaceAsync(TestNames.Unique("image"));
        var name = TestNames.Unique("img");
        await sandbox.Objects.CreateAsync(new V1alpha1Cluster
        {
            Metadata = new() { Name = "demo", NamespaceProperty = ns },
            Spec = new ClusterSpec { ClusterName = name, ContainerInsights = "enabled" },
        });

        var ready = await sandbox.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "demo");

        var cluster = await sandbox.Ecs.ClusterAsync(name);
        Assert.True(cluster is { Status: "ACTIVE" }, sandbox.Output);
        Assert.Equal(cluster.ClusterArn, ready.Status.Arn);
        Assert.DoesNotContain("Read-only file system", sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("UnauthorizedAccessException", sandbox.Output, StringComparison.Ordinal);
    }
}

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
    public async Task The_Dockerfiles_publish_is_one_native_AOT_executable_built_culture_invariant()
    {
        var image = await PublishedImage.GetAsync(Ct);
        var publish = Assert.Single(PublishedImage.Stages().SelectMany(s => s.All("RUN")), run => run.Arguments.Contains("dotnet publish", StringComparison.Ordinal));

        var executable = Path.Combine(image.AppDirectory, "ecs-operator");
        Assert.True(IsElfExecutable(executable), $"{executable} is not a native executable");
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(executable).HasFlag(UnixFileMode.OtherExecute), "the executable must run as any user");
        Assert.Equal(["ecs-operator"], Directory.EnumerateFileSystemEntries(image.AppDirectory).Select(Path.GetFileName));
        Assert.Contains("-p:PublishAot=true", publish.Arguments, StringComparison.Ordinal);
        Assert.Contains("-p:InvariantGlobalization=true", publish.Arguments, StringComparison.Ordinal);
        Assert.Equal(["/app/ecs-operator"], image.Runtime.Last("ENTRYPOINT")!.ExecForm);
    }

    /// <summary>KubernetesClient's YAML writer needs metadata a native build drops: `crds` says where to run it instead of crashing.</summary>
    [Fact]
    public async Task The_native_build_refuses_crds_and_names_the_command_to_run_instead()
    {
        var image = await PublishedImage.GetAsync(Ct);
        var output = Directory.CreateTempSubdirectory("ecs-operator-crds-");
        try
        {
            var crds = await ProcessRunner.RunAsync(Path.Combine(image.AppDirectory, "ecs-operator"), ["crds", "--output", output.FullName], cancellationToken: Ct);

            Assert.Equal(2, crds.ExitCode);
            Assert.Contains("dotnet run --project src/Operator -- crds", crds.StdErr, StringComparison.Ordinal);
            Assert.Empty(output.EnumerateFileSystemInfos());
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>An ELF file (the Linux executable format) starts with 0x7F 'E' 'L' 'F'; an IL assembly starts with 'MZ'.</summary>
    private static bool IsElfExecutable(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(magic) == 4 && magic.SequenceEqual("\u007FELF"u8);
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

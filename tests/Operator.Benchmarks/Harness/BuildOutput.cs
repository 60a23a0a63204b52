using EcsOperator.Testing;

namespace EcsOperator.Benchmarks.Harness;

/// <summary>
/// The built programs the harness starts, from their own project's output (so that each runs with its own
/// runtimeconfig.json, GC settings included), in the configuration the harness itself was built in. With
/// --aot the operator is the one the image ships instead (<see cref="PublishAotAsync"/>); with --ready-to-run, the
/// ReadyToRun publish the image shipped before (<see cref="PublishReadyToRunAsync"/>), for comparison.
/// </summary>
public static class BuildOutput
{
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    public static string Operator { get; private set; } = Dll("src/Operator", "ecs-operator");

    public static string LocalKube => Dll("src/LocalKube", "LocalKube");

    /// <summary>This harness: it runs the bare host (<c>bare-host</c>) as its own child.</summary>
    public static string Harness => Path.Combine(AppContext.BaseDirectory, "Operator.Benchmarks.dll");

    /// <summary>
    /// Publishes the operator framework-dependent, ReadyToRun for this machine's architecture, no app host (the image
    /// before native AOT) and makes it the operator the scenarios run. Incremental: a second publish of unchanged
    /// sources only copies.
    /// </summary>
    public static Task PublishReadyToRunAsync(CancellationToken cancellationToken) =>
        PublishAsync("ready-to-run", "ecs-operator.dll", ["--self-contained", "false", "-p:UseAppHost=false", "-p:PublishReadyToRun=true"], cancellationToken);

    /// <summary>
    /// Publishes the operator as the Dockerfile does (native AOT for this machine's architecture), with one difference
    /// that the report notes: EventSource support is compiled in, so that the harness can induce a full GC through the
    /// diagnostics IPC before it reads memory; the image has none, so its figures can only be lower.
    /// </summary>
    public static Task PublishAotAsync(CancellationToken cancellationToken) =>
        PublishAsync("aot", "ecs-operator", ["-p:PublishAot=true", "-p:EventSourceSupport=true"], cancellationToken);

    private static async Task PublishAsync(string folder, string entry, string[] properties, CancellationToken cancellationToken)
    {
        var output = RepositoryRoot.Combine("src", "Operator", "bin", Configuration, folder);
        var publish = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", RepositoryRoot.Combine("src", "Operator", "Operator.csproj"), "-c", Configuration, "--use-current-runtime", "-o", output, .. properties],
            timeout: TimeSpan.FromMinutes(15),
            cancellationToken: cancellationToken);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"the {folder} publish of the operator failed: {publish}");
        }

        Operator = Path.Combine(output, entry);
    }

    private static string Dll(string project, string name) =>
        RepositoryRoot.Combine(project, "bin", Configuration, "net10.0", name + ".dll");
}

using EcsOperator.Testing;

namespace EcsOperator.Benchmarks.Harness;

/// <summary>
/// The built programs the harness starts, from their own project's output (so that each runs with its own
/// runtimeconfig.json, GC settings included), in the configuration the harness itself was built in. With
/// --ready-to-run the operator is the one the image ships instead (<see cref="PublishReadyToRunAsync"/>); with --aot, a
/// native AOT publish under study (<see cref="PublishAotAsync"/>).
/// </summary>
public static class BuildOutput
{
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    public static string Operator { get; private set; } = Dll("src/Operator", "ecs-operator");

    public static string LocalKube => Dll("src/LocalKube", "LocalKube");

    /// <summary>This harness: it runs the bare host (<c>bare-host</c>) as its own child.</summary>
    public static string Harness => Path.Combine(AppContext.BaseDirectory, "Operator.Benchmarks.dll");

    /// <summary>
    /// Publishes the operator as the Dockerfile does (framework-dependent, ReadyToRun for this machine's
    /// architecture, no app host) and makes it the operator the scenarios run. Incremental: a second publish of
    /// unchanged sources only copies.
    /// </summary>
    public static Task PublishReadyToRunAsync(CancellationToken cancellationToken) =>
        PublishAsync("ready-to-run", "ecs-operator.dll", ["--self-contained", "false", "-p:UseAppHost=false", "-p:PublishReadyToRun=true"], cancellationToken);

    /// <summary>
    /// Publishes the operator native AOT for this machine's architecture (Operator.csproj's AOT settings), with
    /// EventSource support compiled in so that the harness can induce a full GC through the diagnostics IPC before it
    /// reads memory. Not what the image ships (docs/performance.md, memory, says what is missing); the report says so.
    /// Warnings are not errors here: KubernetesClient and YamlDotNet still report trimming warnings of their own.
    /// </summary>
    public static Task PublishAotAsync(CancellationToken cancellationToken) =>
        PublishAsync("aot", "ecs-operator", ["-p:PublishAot=true", "-p:EventSourceSupport=true", "-p:TreatWarningsAsErrors=false"], cancellationToken);

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

using EcsOperator.Testing;

namespace EcsOperator.Benchmarks.Harness;

/// <summary>
/// The built programs the harness starts, from their own project's output (so that each runs with its own
/// runtimeconfig.json, GC settings included), in the configuration the harness itself was built in. With
/// --ready-to-run the operator is the one the image ships instead (<see cref="PublishReadyToRunAsync"/>).
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
    public static async Task PublishReadyToRunAsync(CancellationToken cancellationToken)
    {
        var output = RepositoryRoot.Combine("src", "Operator", "bin", Configuration, "ready-to-run");
        var publish = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", RepositoryRoot.Combine("src", "Operator", "Operator.csproj"), "-c", Configuration, "--use-current-runtime", "--self-contained", "false",
                "-o", output, "-p:UseAppHost=false", "-p:PublishReadyToRun=true"],
            timeout: TimeSpan.FromMinutes(15),
            cancellationToken: cancellationToken);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"the ReadyToRun publish of the operator failed: {publish}");
        }

        Operator = Path.Combine(output, "ecs-operator.dll");
    }

    private static string Dll(string project, string name) =>
        RepositoryRoot.Combine(project, "bin", Configuration, "net10.0", name + ".dll");
}

using EcsOperator.Testing;

namespace EcsOperator.Benchmarks.Harness;

/// <summary>
/// The built programs the harness starts, from their own project's output (so that each runs with its own
/// runtimeconfig.json, GC settings included), in the configuration the harness itself was built in.
/// </summary>
public static class BuildOutput
{
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    public static string Operator => Dll("src/Operator", "ecs-operator");

    public static string LocalKube => Dll("src/LocalKube", "LocalKube");

    /// <summary>This harness: it runs the bare host (<c>bare-host</c>) as its own child.</summary>
    public static string Harness => Path.Combine(AppContext.BaseDirectory, "Operator.Benchmarks.dll");

    private static string Dll(string project, string name) =>
        RepositoryRoot.Combine(project, "bin", Configuration, "net10.0", name + ".dll");
}

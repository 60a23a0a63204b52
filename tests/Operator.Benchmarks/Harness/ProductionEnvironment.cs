using System.Text.RegularExpressions;
using EcsOperator.Testing;

namespace EcsOperator.Benchmarks.Harness;

/// <summary>
/// The runtime settings the operator's image runs with: the <c>DOTNET_*</c> variables of the Dockerfile's ENV lines
/// (GC settings that exist only as environment variables). The harness runs the operator with them, so that it
/// measures what ships. DOTNET_EnableDiagnostics is left out: the harness induces its full GCs through that channel.
/// </summary>
public static partial class ProductionEnvironment
{
    public static IReadOnlyDictionary<string, string> FromDockerfile()
    {
        var dockerfile = File.ReadAllText(RepositoryRoot.Combine("Dockerfile"));
        return DotnetVariable().Matches(dockerfile)
            .Where(m => m.Groups[1].Value != "DOTNET_EnableDiagnostics")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    [GeneratedRegex(@"^(?:ENV\s+)?\s*(DOTNET_\w+)=(\S+?)\s*\\?$", RegexOptions.Multiline)]
    private static partial Regex DotnetVariable();
}

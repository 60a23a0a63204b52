using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Xunit;

namespace EcsOperator.Testing;

/// <summary>
/// Finds the external programs the integration tests drive (moto_server, kubectl; helm in <see cref="LambdaLayerTools"/>). A missing tool skips
/// the test with the reason locally, and fails it when CI=true, so that CI can never go green by skipping.
/// </summary>
public static class ExternalTools
{
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The absolute path of an executable on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Returns the tool's path, or skips (locally) / fails (CI) the calling test.</summary>
    public static string Require(string name, string installHint)
    {
        var found = FindOnPath(name);
        if (found is not null)
        {
            return found;
        }

        Unavailable($"{name} is not on PATH ({installHint})");
        return null!; // unreachable: Unavailable throws
    }

    /// <summary>Skips the calling test with the reason (locally) or fails it (CI=true); never returns.</summary>
    [DoesNotReturn]
    public static void Unavailable(string reason)
    {
        if (IsCi)
        {
            Assert.Fail(reason + "; CI=true, so this is a failure, not a skip");
        }

        Assert.Skip(reason);
        throw new UnreachableException(); // Assert.Skip throws
    }

    public static string RequireKubectl() => Require("kubectl", "install kubectl 1.32");

    public static string RequireMoto() => Require("moto_server", "pip install 'moto[server]'");
}

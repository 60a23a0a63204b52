using Xunit;

namespace EcsOperator.ReliabilityTests;

/// <summary>
/// The figures a scenario prints: to the test's output, and appended to the file named by
/// ECS_OPERATOR_RELIABILITY_REPORT when set, which is where docs/reliability.md's table comes from (the test runner
/// shows a passing test's output nowhere).
/// </summary>
internal static class ReliabilityReport
{
    public const string FileVariable = "ECS_OPERATOR_RELIABILITY_REPORT";

    private static readonly Lock Gate = new();

    public static void Line(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } path)
        {
            lock (Gate)
            {
                File.AppendAllText(path, $"{TestContext.Current.Test?.TestDisplayName}: {line}{Environment.NewLine}");
            }
        }
    }
}

using System.Reflection;
using EcsOperator.Controllers.Shared;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.Tests.Controllers.Shared;

/// <summary>docs/operations.md's troubleshooting table has a row for every condition reason the operator can set.</summary>
public sealed class OperationsDocTests
{
    [Fact]
    public void Every_condition_reason_has_a_troubleshooting_row()
    {
        var doc = File.ReadAllText(RepositoryRoot.Combine("docs", "operations.md"));
        var reasons = typeof(ConditionReasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        var missing = reasons.Where(r => !doc.Contains($"| `{r}` |", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(reasons);
        Assert.True(missing.Count == 0, "docs/operations.md lacks a troubleshooting row for: " + string.Join(", ", missing));
    }
}

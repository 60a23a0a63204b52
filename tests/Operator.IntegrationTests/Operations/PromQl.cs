using System.Text.RegularExpressions;

namespace EcsOperator.IntegrationTests.Operations;

/// <summary>
/// The metric names a PromQL expression reads: what remains once strings, label matchers, ranges, grouping clauses,
/// function calls, keywords and numbers are taken out. Enough for the dashboard's and the alerts' queries.
/// </summary>
public static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan" };

    public static IReadOnlySet<string> MetricNames(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var bare = StringLiteral().Replace(expression, " ");
        bare = LabelMatchers().Replace(bare, " ");
        bare = Range().Replace(bare, " ");
        bare = Grouping().Replace(bare, " ");
        return Identifier().Matches(bare)
            .Where(m => !FollowedByParenthesis(bare, m) && !Keywords.Contains(m.Value.ToLowerInvariant()))
            .Select(m => m.Value)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Metric names a Prometheus text exposition offers to queries: histograms as _bucket, _sum and _count.</summary>
    public static IReadOnlySet<string> ExportedNames(string exposition)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match type in TypeLine().Matches(exposition))
        {
            var name = type.Groups["name"].Value;
            names.UnionWith(type.Groups["type"].Value switch
            {
                "histogram" => [name + "_bucket", name + "_sum", name + "_count"],
                "summary" => [name, name + "_sum", name + "_count"],
                _ => [name],
            });
        }

        return names;
    }

    private static bool FollowedByParenthesis(string text, Match identifier)
    {
        var rest = text.AsSpan(identifier.Index + identifier.Length).TrimStart();
        return rest.Length > 0 && rest[0] == '(';
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^# TYPE (?<name>\S+) (?<type>\S+)", RegexOptions.Multiline)]
    private static partial Regex TypeLine();
}

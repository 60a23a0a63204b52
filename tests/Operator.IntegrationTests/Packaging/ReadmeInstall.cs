using System.Text.RegularExpressions;
using EcsOperator.Testing;

namespace EcsOperator.IntegrationTests.Packaging;

/// <summary>
/// README's "Install in a real cluster" section, read from README.md: its prose paths in order, and the commands of
/// its sh blocks as a user copies them (continuation lines joined, comments dropped, single quotes honoured). The
/// install tests run these commands themselves, so that the README cannot show a command that no test runs.
/// </summary>
internal static partial class ReadmeInstall
{
    public const string Heading = "## Install in a real cluster";

    /// <summary>The section's text, from its heading to the next second-level heading.</summary>
    public static string Section()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"README.md has no '{Heading}' section");
        }

        var end = readme.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    /// <summary>Each sh block of the section, as its commands, each split into arguments.</summary>
    public static IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Blocks()
    {
        var blocks = new List<IReadOnlyList<IReadOnlyList<string>>>();
        var parts = Section().Split("```");
        for (var i = 1; i < parts.Length; i += 2)
        {
            if (!parts[i].StartsWith("sh\n", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"README's install section has a code block that is not sh: {parts[i]}");
            }

            var joined = parts[i]["sh\n".Length..].Replace("\\\n", " ", StringComparison.Ordinal);
            blocks.Add([.. joined.Split('\n').Select(Split).Where(command => command.Count > 0)]);
        }

        return blocks;
    }

    /// <summary>
    /// A README command made runnable here: repository paths made absolute, and README's namespace replaced by the
    /// test's own, so that parallel tests never share one.
    /// </summary>
    public static string[] Localize(IReadOnlyList<string> command, string @namespace) =>
        [.. command.Skip(1).Select(arg => arg switch
        {
            ChartFiles.ConfigNamespace => @namespace,
            _ when arg.StartsWith("charts/", StringComparison.Ordinal) || arg.StartsWith("config/", StringComparison.Ordinal) =>
                RepositoryRoot.Combine(arg.Split('/')),
            _ => arg,
        })];

    /// <summary>Splits a shell line as sh does for what README uses: blanks, single quotes, backslash escapes, # comments.</summary>
    private static List<string> Split(string line)
    {
        if (line.Count(c => c == '\'') % 2 != 0 || line.IndexOfAny(['"', '$', '`']) >= 0)
        {
            throw new InvalidOperationException($"README command with an unclosed quote, or a \", $ or ` this reader does not expand: {line}");
        }

        var args = new List<string>();
        foreach (var argument in Argument().Matches(line).Select(m => m.Value))
        {
            if (argument.StartsWith('#'))
            {
                break;
            }

            args.Add(string.Concat(Piece().Matches(argument).Select(p => p.Groups.Values.Skip(1).First(g => g.Success).Value)));
        }

        return args;
    }

    /// <summary>One argument: adjacent quoted strings, escaped characters and plain characters.</summary>
    [GeneratedRegex(@"(?:'[^']*'|\\.|[^\s'\\])+")]
    private static partial Regex Argument();

    /// <summary>A piece of an argument: 'quoted' (group 1), \escaped (group 2) or plain (group 3).</summary>
    [GeneratedRegex(@"'([^']*)'|\\(.)|([^\s'\\]+)")]
    private static partial Regex Piece();
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace EcsOperator.IntegrationTests.Image;

/// <summary>One instruction of a Dockerfile: its keyword (upper case) and its arguments, continuation lines joined.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments)
{
    /// <summary>The arguments of an exec-form instruction (ENTRYPOINT ["dotnet", "x.dll"]); null for the shell form.</summary>
    public IReadOnlyList<string>? ExecForm =>
        Arguments.TrimStart().StartsWith('[') ? JsonSerializer.Deserialize<string[]>(Arguments) : null;
}

/// <summary>A build stage: FROM image (with flags such as --platform) AS name, and what follows it.</summary>
public sealed record DockerStage(string Name, string Image, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    public DockerInstruction? Last(string keyword) => All(keyword).LastOrDefault();

    /// <summary>ENV key=value pairs (the key=value form; several per line).</summary>
    public IReadOnlyDictionary<string, string> Environment() =>
        All("ENV").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1]);
}

/// <summary>
/// Just enough of the Dockerfile grammar to read this repository's Dockerfile: comments, line continuations,
/// stages. No engine runs here, so the tests read the file that the image build reads, to keep the two equal.
/// </summary>
public static partial class DockerfileModel
{
    public static IReadOnlyList<DockerStage> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stages = new List<DockerStage>();
        foreach (var instruction in Instructions(text))
        {
            if (instruction.Keyword == "FROM")
            {
                var from = FromLine().Match(instruction.Arguments);
                if (!from.Success)
                {
                    throw new FormatException($"FROM {instruction.Arguments}: expected `FROM [--flags] image AS name`");
                }

                stages.Add(new DockerStage(from.Groups["name"].Value, from.Groups["image"].Value, []));
            }
            else
            {
                var current = stages.LastOrDefault() ?? throw new FormatException($"{instruction.Keyword} before the first FROM");
                stages[^1] = current with { Instructions = [.. current.Instructions, instruction] };
            }
        }

        return stages;
    }

    private static IEnumerable<DockerInstruction> Instructions(string text)
    {
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#') && pending.Length == 0)
            {
                continue;
            }

            pending += line.EndsWith('\\') ? line[..^1] : line;
            if (line.EndsWith('\\') || pending.Trim().Length == 0)
            {
                continue;
            }

            var trimmed = pending.Trim();
            pending = "";
            var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
            yield return new DockerInstruction(trimmed[..space].ToUpperInvariant(), MultipleSpaces().Replace(trimmed[(space + 1)..].Trim(), " "));
        }
    }

    [GeneratedRegex(@"^(--\S+\s+)*(?<image>\S+)\s+AS\s+(?<name>\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex MultipleSpaces();
}

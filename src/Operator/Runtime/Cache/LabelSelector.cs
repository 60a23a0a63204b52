namespace EcsOperator.Runtime.Cache;

/// <summary>
/// A parsed Kubernetes label selector (the --selector flag): "a=b", "a==b", "a!=b", "a", "!a", "a in (x,y)",
/// "a notin (x,y)", joined by commas. The server filters the watch with it; the runtime uses it to tell whether
/// a referenced object belongs to this shard.
/// </summary>
public sealed class LabelSelector
{
    private readonly IReadOnlyList<Func<IDictionary<string, string>, bool>> _requirements;

    private LabelSelector(string text, IReadOnlyList<Func<IDictionary<string, string>, bool>> requirements)
    {
        Text = text;
        _requirements = requirements;
    }

    public static LabelSelector Everything { get; } = new(string.Empty, []);

    public string Text { get; }

    public bool IsEverything => _requirements.Count == 0;

    public bool Matches(IDictionary<string, string>? labels)
    {
        var actual = labels ?? new Dictionary<string, string>();
        return _requirements.All(requirement => requirement(actual));
    }

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        return new LabelSelector(text.Trim(), [.. SplitRequirements(text).Select(ParseRequirement)]);
    }

    public override string ToString() => Text;

    /// <summary>Splits on commas that are not inside a "(x,y)" value set.</summary>
    private static IEnumerable<string> SplitRequirements(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }

        yield return text[start..].Trim();
    }

    private static Func<IDictionary<string, string>, bool> ParseRequirement(string requirement)
    {
        var words = requirement.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 2 && (words[1].StartsWith("in ", StringComparison.Ordinal) || words[1].StartsWith("notin ", StringComparison.Ordinal)))
        {
            var negate = words[1].StartsWith("notin", StringComparison.Ordinal);
            var values = ParseValueSet(words[1][(negate ? 5 : 2)..], requirement);
            var key = words[0];
            return labels => labels.TryGetValue(key, out var v) ? values.Contains(v) != negate : negate;
        }

        if (requirement.Contains("!=", StringComparison.Ordinal))
        {
            var (key, value) = SplitPair(requirement, "!=");
            return labels => !labels.TryGetValue(key, out var v) || v != value;
        }

        if (requirement.Contains('=', StringComparison.Ordinal))
        {
            var (key, value) = SplitPair(requirement, requirement.Contains("==", StringComparison.Ordinal) ? "==" : "=");
            return labels => labels.TryGetValue(key, out var v) && v == value;
        }

        if (requirement.StartsWith('!'))
        {
            var key = requirement[1..].Trim();
            return labels => !labels.ContainsKey(key);
        }

        if (requirement.Length == 0 || requirement.Contains(' ', StringComparison.Ordinal))
        {
            throw new FormatException($"Invalid label selector requirement '{requirement}'.");
        }

        return labels => labels.ContainsKey(requirement);
    }

    private static (string Key, string Value) SplitPair(string requirement, string op)
    {
        var at = requirement.IndexOf(op, StringComparison.Ordinal);
        var key = requirement[..at].Trim();
        if (key.Length == 0 || key.Contains(' ', StringComparison.Ordinal))
        {
            throw new FormatException($"Invalid label selector requirement '{requirement}': expected a label key before '{op}'.");
        }

        return (key, requirement[(at + op.Length)..].Trim());
    }

    private static HashSet<string> ParseValueSet(string text, string requirement)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('(') || !trimmed.EndsWith(')'))
        {
            throw new FormatException($"Invalid label selector requirement '{requirement}': expected a (value, ...) set.");
        }

        return [.. trimmed[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }
}

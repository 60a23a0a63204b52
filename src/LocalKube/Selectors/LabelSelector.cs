using System.Text.Json.Nodes;
using LocalKube.Server;
using LocalKube.Storage;

namespace LocalKube.Selectors;

/// <summary>
/// A parsed <c>labelSelector</c>: comma-separated requirements, all of which must hold. Supports
/// <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>, <c>k</c> and <c>!k</c>.
/// </summary>
public sealed class LabelSelector
{
    private readonly List<Requirement> _requirements;

    private LabelSelector(List<Requirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEmpty => _requirements.Count == 0;

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        return new LabelSelector(SplitTopLevel(text).Select(ParseRequirement).ToList());
    }

    public bool Matches(JsonObject obj)
    {
        var labels = Meta.Labels(obj);
        return _requirements.All(r => r.Matches(labels is not null && labels.TryGetPropertyValue(r.Key, out var v) ? Meta.Str(v) : null, labels?.ContainsKey(r.Key) == true));
    }

    private static IEnumerable<string> SplitTopLevel(string text)
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

    private static Requirement ParseRequirement(string part)
    {
        if (part.Length == 0)
        {
            throw Invalid(part);
        }

        if (part[0] == '!')
        {
            return new Requirement(part[1..].Trim(), Op.NotExists, []);
        }

        var words = part.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 2 && (words[1].StartsWith("in ", StringComparison.Ordinal) || words[1].StartsWith("in(", StringComparison.Ordinal)
            || words[1].StartsWith("notin", StringComparison.Ordinal)))
        {
            var notIn = words[1].StartsWith("notin", StringComparison.Ordinal);
            var list = words[1][(notIn ? 5 : 2)..].Trim();
            if (list.Length < 2 || list[0] != '(' || list[^1] != ')')
            {
                throw Invalid(part);
            }

            var values = list[1..^1].Split(',').Select(v => v.Trim()).ToList();
            return new Requirement(words[0], notIn ? Op.NotIn : Op.In, values);
        }

        foreach (var (token, op) in new[] { ("!=", Op.NotIn), ("==", Op.In), ("=", Op.In) })
        {
            var at = part.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                return new Requirement(part[..at].Trim(), op, [part[(at + token.Length)..].Trim()]);
            }
        }

        return part.Contains(' ', StringComparison.Ordinal) ? throw Invalid(part) : new Requirement(part, Op.Exists, []);
    }

    private static ApiException Invalid(string part) =>
        Statuses.BadRequest($"unable to parse requirement: found '{part}', expected: key, !key, key=value, key!=value, key in (...) or key notin (...)");

    private enum Op
    {
        In,
        NotIn,
        Exists,
        NotExists,
    }

    private sealed record Requirement(string Key, Op Operator, List<string> Values)
    {
        public bool Matches(string? value, bool present) => Operator switch
        {
            Op.Exists => present,
            Op.NotExists => !present,
            Op.In => present && Values.Contains(value ?? string.Empty),
            _ => !present || !Values.Contains(value ?? string.Empty),
        };
    }
}

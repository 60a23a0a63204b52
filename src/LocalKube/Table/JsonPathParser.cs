using System.Globalization;
using System.Text.Json.Nodes;

namespace LocalKube.Table;

/// <summary>Turns a JSONPath string into navigation steps for <see cref="SimpleJsonPath"/>.</summary>
internal static class JsonPathParser
{
    public static List<Func<JsonNode?, IEnumerable<JsonNode?>>> Steps(string text)
    {
        var steps = new List<Func<JsonNode?, IEnumerable<JsonNode?>>>();
        var i = text.StartsWith('$') ? 1 : 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = i + 1;
                while (end < text.Length && text[end] is not '.' and not '[')
                {
                    end++;
                }

                var name = text[(i + 1)..end];
                if (name.Length > 0)
                {
                    steps.Add(name == "*" ? AllChildren : Member(name));
                }

                i = end;
            }
            else if (text[i] == '[')
            {
                var end = ClosingBracket(text, i);
                steps.Add(Bracket(text[(i + 1)..end].Trim()));
                i = end + 1;
            }
            else
            {
                throw new FormatException($"unexpected character '{text[i]}' in JSONPath {text}");
            }
        }

        return steps;
    }

    private static int ClosingBracket(string text, int open)
    {
        var quote = '\0';
        for (var j = open + 1; j < text.Length; j++)
        {
            var c = text[j];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == ']')
            {
                return j;
            }
        }

        throw new FormatException($"unclosed [ in JSONPath {text}");
    }

    private static Func<JsonNode?, IEnumerable<JsonNode?>> Bracket(string inner)
    {
        if (inner == "*")
        {
            return AllChildren;
        }

        if (inner.StartsWith("?(", StringComparison.Ordinal) && inner.EndsWith(')'))
        {
            return JsonPathFilter.Parse(inner[2..^1]);
        }

        if (inner.Length >= 2 && inner[0] is '\'' or '"')
        {
            return Member(inner[1..^1]);
        }

        if (int.TryParse(inner, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            return node => node is JsonArray a && (index < 0 ? a.Count + index : index) is var k && k >= 0 && k < a.Count ? [a[k]] : [];
        }

        throw new FormatException($"unsupported JSONPath subscript [{inner}]");
    }

    internal static Func<JsonNode?, IEnumerable<JsonNode?>> Member(string name) =>
        node => node is JsonObject o && o.TryGetPropertyValue(name, out var v) ? [v] : [];

    private static IEnumerable<JsonNode?> AllChildren(JsonNode? node) => node switch
    {
        JsonArray a => a,
        JsonObject o => o.Select(p => p.Value),
        _ => [],
    };
}

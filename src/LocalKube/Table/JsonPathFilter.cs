using System.Text.Json.Nodes;
using LocalKube.Serialization;

namespace LocalKube.Table;

/// <summary>A JSONPath filter <c>@.a.b == "x"</c>, <c>@.a != 3</c> or <c>@.a</c> (exists), applied to list items.</summary>
internal static class JsonPathFilter
{
    public static Func<JsonNode?, IEnumerable<JsonNode?>> Parse(string expression)
    {
        var (left, op, right) = Split(expression);
        var subject = SimpleJsonPath.Parse(left.TrimStart('@'));
        var literal = right is null ? null : Literal(right);
        return node =>
        {
            var items = node switch
            {
                JsonArray a => a.AsEnumerable(),
                JsonObject o => o.Select(p => p.Value),
                _ => [],
            };
            return items.Where(item => Matches(subject.First(item), op, literal)).ToList();
        };
    }

    private static bool Matches(JsonNode? value, string? op, string? literal) => op switch
    {
        null => value is not null,
        "==" => value is not null && Text(value) == literal,
        "!=" => value is null || Text(value) != literal,
        _ => false,
    };

    private static string Text(JsonNode value) =>
        Validation.JsonNumbers.TryGetString(value, out var s) ? s : JsonLimits.Write(value);

    private static (string Left, string? Op, string? Right) Split(string expression)
    {
        foreach (var op in new[] { "==", "!=" })
        {
            var at = expression.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return (expression[..at].Trim(), op, expression[(at + op.Length)..].Trim());
            }
        }

        return (expression.Trim(), null, null);
    }

    private static string Literal(string text) =>
        text.Length >= 2 && text[0] is '"' or '\'' && text[^1] == text[0] ? text[1..^1] : text;
}

using System.Text.Json.Nodes;

namespace LocalKube.Table;

/// <summary>
/// The JSONPath subset CRD printer columns use: <c>.a.b</c>, <c>['a.b']</c>, <c>[0]</c>, <c>[*]</c> and
/// filters such as <c>[?(@.type=="Ready")]</c> (== and !=, string or bare literals). It returns every
/// matching node in document order; the Table builder takes the first, as the apiserver does.
/// </summary>
public sealed class SimpleJsonPath
{
    private readonly IReadOnlyList<Func<JsonNode?, IEnumerable<JsonNode?>>> _steps;

    private SimpleJsonPath(IReadOnlyList<Func<JsonNode?, IEnumerable<JsonNode?>>> steps) => _steps = steps;

    /// <summary>Parses a path with or without the surrounding braces kubectl's templates use.</summary>
    public static SimpleJsonPath Parse(string path)
    {
        var text = path.Trim();
        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            text = text[1..^1].Trim();
        }

        return new SimpleJsonPath(JsonPathParser.Steps(text));
    }

    public IReadOnlyList<JsonNode?> Evaluate(JsonNode? root)
    {
        IEnumerable<JsonNode?> current = [root];
        foreach (var step in _steps)
        {
            current = current.SelectMany(step).ToList();
        }

        return current.ToList();
    }

    /// <summary>The first match, or null when nothing matches.</summary>
    public JsonNode? First(JsonNode? root) => Evaluate(root).FirstOrDefault(n => n is not null);
}

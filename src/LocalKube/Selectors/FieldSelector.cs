using System.Text.Json.Nodes;
using LocalKube.Serialization;
using LocalKube.Server;
using LocalKube.Storage;

namespace LocalKube.Selectors;

/// <summary>
/// A parsed <c>fieldSelector</c>: <c>path=value</c>, <c>path==value</c> and <c>path!=value</c>, comma-separated.
/// metadata.name and metadata.namespace are what every type supports; other dotted paths (such as an Event's
/// involvedObject.name) are read from the object as strings.
/// </summary>
public sealed class FieldSelector
{
    private readonly List<(string[] Path, bool Equal, string Value)> _terms;

    private FieldSelector(List<(string[] Path, bool Equal, string Value)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string[], bool, string)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var notEqual = part.IndexOf("!=", StringComparison.Ordinal);
            var equal = part.IndexOf('=', StringComparison.Ordinal);
            if (equal <= 0)
            {
                throw Statuses.BadRequest($"invalid selector: '{text}'; can't understand '{part}'");
            }

            var (at, width) = notEqual > 0 ? (notEqual, 2) : part.IndexOf("==", StringComparison.Ordinal) > 0 ? (equal, 2) : (equal, 1);
            terms.Add((part[..at].Trim().Split('.'), notEqual <= 0, part[(at + width)..].Trim()));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj) => _terms.All(t => (Read(obj, t.Path) == t.Value) == t.Equal);

    private static string Read(JsonObject obj, string[] path)
    {
        JsonNode? node = obj;
        foreach (var segment in path)
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node switch
        {
            null => string.Empty,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => JsonLimits.Write(node),
        };
    }
}

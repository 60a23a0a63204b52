using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalKube.Serialization;

/// <summary>
/// How deep a body may nest. kube-apiserver decodes with Go's encoding/json and sigs.k8s.io/yaml, which both refuse
/// more than 10,000 levels ("exceeded max depth"); System.Text.Json stops at 64 by default, which would refuse
/// objects a real cluster stores (a free-form field such as hookDetails may nest thousands deep).
/// </summary>
public static class JsonLimits
{
    /// <summary>Go's encoding/json maxNestingDepth, and go-yaml's max depth.</summary>
    public const int MaxDepth = 10_000;

    /// <summary>What Go's scanner says when a body nests deeper than <see cref="MaxDepth"/>.</summary>
    public const string DepthExceeded = "exceeded max depth";

    /// <summary>
    /// Room above <see cref="MaxDepth"/> for what wraps a stored object on the way out: a list (list, items), a
    /// watch event, a Table row with its object.
    /// </summary>
    private const int EnvelopeDepth = 16;

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = MaxDepth };

    /// <summary>
    /// Options every parsed root carries. A node finds its options by walking up to the first ancestor that has
    /// some and caches only a non-null answer: under a root without options every node walks to the root each
    /// time, and cloning or reading an object 10,000 deep costs depth squared (seconds, not milliseconds).
    /// </summary>
    public static JsonNodeOptions NodeOptions => default;

    /// <summary>For writing stored objects and the documents that carry them.</summary>
    public static readonly JsonSerializerOptions WriteOptions = new() { MaxDepth = MaxDepth + EnvelopeDepth };

    /// <summary>
    /// Parses a request body. A body nested deeper than <see cref="MaxDepth"/> throws a <see cref="JsonException"/>
    /// whose message is Go's <see cref="DepthExceeded"/>, so callers' usual error wording reads like kube-apiserver's.
    /// </summary>
    public static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text, NodeOptions, ReadOptions);
        }
        catch (JsonException) when (IsTooDeep(text))
        {
            throw new JsonException(DepthExceeded);
        }
    }

    /// <summary>Writes a node with room for any depth a body may have (the default writer stops at 1,000).</summary>
    public static string Write(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(WriteOptions);
    }

    /// <summary>Whether the text opens more than <see cref="MaxDepth"/> containers before its first syntax error.</summary>
    private static bool IsTooDeep(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= MaxDepth && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error before the limit: that, not the depth, is what the caller reports.
        }

        return false;
    }
}

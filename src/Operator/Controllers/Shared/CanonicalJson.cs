using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// A stable text form of a JSON document for hashing: object keys in ordinal order, and nulls, empty arrays and
/// empty objects removed, because a user who writes <c>volumes: []</c> asks for the same thing as one who omits it.
/// Array order is kept: where order does not matter, the caller sorts first.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical form of <paramref name="node"/>, or null when nothing meaningful is left.</summary>
    public static JsonNode? Canonicalize(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => CanonicalObject(obj),
        JsonArray array => CanonicalArray(array),
        _ => node.DeepClone(),
    };

    /// <summary>Lowercase hex SHA-256 of the canonical form.</summary>
    public static string Sha256(JsonNode? node)
    {
        var text = Canonicalize(node)?.ToJsonString() ?? "null";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static JsonObject? CanonicalObject(JsonObject obj)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var canonical = Canonicalize(value);
            if (canonical is not null)
            {
                result[key] = canonical;
            }
        }

        return result.Count == 0 ? null : result;
    }

    private static JsonArray? CanonicalArray(JsonArray array)
    {
        var result = new JsonArray();
        foreach (var item in array)
        {
            var canonical = Canonicalize(item);
            if (canonical is not null)
            {
                result.Add(canonical);
            }
        }

        return result.Count == 0 ? null : result;
    }
}

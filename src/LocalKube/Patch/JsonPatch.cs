using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalKube.Extensibility;
using LocalKube.Serialization;
using LocalKube.Server;

namespace LocalKube.Patch;

/// <summary>RFC 6902 JSON patch: add, remove, replace, move, copy and test, with RFC 6901 pointers.</summary>
public sealed class JsonPatch : IPatchHandler
{
    public const string MediaType = "application/json-patch+json";

    public string ContentType => MediaType;

    public JsonObject? Apply(PatchContext context)
    {
        if (context.Current is null)
        {
            return null;
        }

        JsonArray operations;
        try
        {
            operations = JsonLimits.Parse(context.Body) as JsonArray ?? throw Statuses.BadRequest("a JSON patch must be an array of operations");
        }
        catch (JsonException e)
        {
            throw Statuses.BadRequest($"error decoding patch: {e.Message}");
        }

        JsonNode document = context.Current;
        foreach (var op in operations.OfType<JsonObject>())
        {
            document = ApplyOne(document, op);
        }

        return document as JsonObject ?? throw Statuses.BadRequest("the patch replaced the whole object with a non-object");
    }

    private static JsonNode ApplyOne(JsonNode document, JsonObject op)
    {
        var kind = op["op"]?.GetValue<string>();
        var path = op["path"]?.GetValue<string>() ?? throw Statuses.BadRequest("a JSON patch operation needs a path");
        switch (kind)
        {
            case "add":
                return Add(document, path, op["value"]?.DeepClone());
            case "remove":
                Remove(document, path);
                return document;
            case "replace":
                Remove(document, path);
                return Add(document, path, op["value"]?.DeepClone());
            case "move":
                var moved = Get(document, From(op));
                Remove(document, From(op));
                return Add(document, path, moved?.DeepClone());
            case "copy":
                return Add(document, path, Get(document, From(op))?.DeepClone());
            case "test":
                if (!JsonNode.DeepEquals(Get(document, path), op["value"]))
                {
                    throw new ApiException(Statuses.Failure(422, "Invalid", $"the test operation on {path} failed: the value is not the expected one"));
                }

                return document;
            default:
                throw Statuses.BadRequest($"unknown JSON patch operation \"{kind}\"");
        }
    }

    private static string From(JsonObject op) =>
        op["from"]?.GetValue<string>() ?? throw Statuses.BadRequest("move and copy need a from pointer");

    private static List<string> Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw Statuses.BadRequest($"invalid JSON pointer \"{pointer}\"");
        }

        return pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }

    private static JsonNode? Get(JsonNode document, string pointer)
    {
        JsonNode? node = document;
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject o when o.ContainsKey(token) => o[token],
                JsonArray a when Index(token, a.Count, false) is var i => a[i],
                _ => throw Missing(pointer),
            };
        }

        return node;
    }

    private static JsonNode Add(JsonNode document, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Count == 0)
        {
            return value ?? throw Statuses.BadRequest("cannot replace the document with null");
        }

        var parent = Get(document, Parent(tokens));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o:
                o.Remove(last);
                o[last] = value;
                break;
            case JsonArray a:
                a.Insert(last == "-" ? a.Count : Index(last, a.Count + 1, true), value);
                break;
            default:
                throw Missing(pointer);
        }

        return document;
    }

    private static void Remove(JsonNode document, string pointer)
    {
        var tokens = Tokens(pointer);
        var parent = Get(document, Parent(tokens));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last):
                o.Remove(last);
                break;
            case JsonArray a:
                a.RemoveAt(Index(last, a.Count, false));
                break;
            default:
                throw Missing(pointer);
        }
    }

    private static string Parent(List<string> tokens) =>
        string.Concat(tokens.Take(tokens.Count - 1).Select(t => "/" + t.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));

    private static int Index(string token, int count, bool forInsert)
    {
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= count)
        {
            throw Statuses.BadRequest($"array index {token} is out of range{(forInsert ? " for insert" : string.Empty)}");
        }

        return i;
    }

    private static ApiException Missing(string pointer) =>
        new(Statuses.Failure(422, "Invalid", $"the server rejected our request due to an error in our request: doc is missing path: \"{pointer}\""));
}

using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using LocalKube.Server;

namespace LocalKube.Storage;

/// <summary>List paging: a continue token says where the next page starts and at which resourceVersion the list began.</summary>
public static class ContinueToken
{
    public static string Encode(long resourceVersion, ObjectKey lastKey)
    {
        var json = new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = resourceVersion, ["start"] = $"{lastKey.Namespace}/{lastKey.Name}\0" };
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    public static (long ResourceVersion, string Namespace, string Name) Decode(string token)
    {
        try
        {
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)))!;
            var start = json["start"]!.GetValue<string>().TrimEnd('\0');
            var slash = start.IndexOf('/', StringComparison.Ordinal);
            return (json["rv"]!.GetValue<long>(), start[..slash], start[(slash + 1)..]);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or NullReferenceException or ArgumentException or InvalidOperationException)
        {
            throw Statuses.BadRequest($"continue key is not valid: {e.Message}");
        }
    }
}

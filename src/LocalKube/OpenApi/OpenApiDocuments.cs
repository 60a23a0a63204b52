using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LocalKube.Registry;

namespace LocalKube.OpenApi;

/// <summary>
/// Serves /openapi/v3 (the index of group-versions, each with a content-hashed serverRelativeURL) and the
/// per-group-version documents, rebuilt lazily whenever the set of types changes. A hash changes only when its
/// document does, so kubectl's HTTP cache never serves a stale document.
/// </summary>
public sealed class OpenApiDocuments
{
    private readonly Func<IReadOnlyList<ResourceType>> _types;
    private readonly string _serverVersion;
    private readonly Lock _lock = new();
    private IReadOnlyList<ResourceType>? _builtFrom;
    private Dictionary<string, (string Json, string Hash)> _documents = [];

    public OpenApiDocuments(Func<IReadOnlyList<ResourceType>> types, string serverVersion = "v1.32.0")
    {
        _types = types;
        _serverVersion = serverVersion;
    }

    /// <summary>The /openapi/v3 index body.</summary>
    public string IndexJson()
    {
        var paths = new JsonObject();
        foreach (var (key, doc) in Current().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={doc.Hash}" };
        }

        return new JsonObject { ["paths"] = paths }.ToJsonString();
    }

    /// <summary>The document for "api/v1" or "apis/g/v", with its hash; false when no such group-version is served.</summary>
    public bool TryGet(string key, out string json, out string hash)
    {
        if (Current().TryGetValue(key.Trim('/'), out var doc))
        {
            (json, hash) = doc;
            return true;
        }

        (json, hash) = (string.Empty, string.Empty);
        return false;
    }

    private Dictionary<string, (string Json, string Hash)> Current()
    {
        var types = _types();
        lock (_lock)
        {
            if (!ReferenceEquals(types, _builtFrom))
            {
                _documents = types.GroupBy(t => OpenApiDocumentBuilder.IndexKey(t.Group, t.Version)).ToDictionary(
                    g => g.Key,
                    g =>
                    {
                        var json = OpenApiDocumentBuilder.Build(g, _serverVersion).ToJsonString();
                        return (json, Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(json))));
                    });
                _builtFrom = types;
            }

            return _documents;
        }
    }
}

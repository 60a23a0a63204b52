using System.Text.Json.Nodes;
using LocalKube.Registry;

namespace LocalKube.Discovery;

/// <summary>The legacy discovery documents: /version, /api, /apis, /apis/{group}, and the APIResourceLists.</summary>
public static class DiscoveryDocuments
{
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-localkube",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.4",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(ResourceTypeRegistry registry) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(registry.Groups().Where(g => g.Group.Length > 0).Select(g => (JsonNode?)Group(g.Group, g.Versions)).ToArray()),
    };

    public static JsonObject? Group(ResourceTypeRegistry registry, string group)
    {
        var found = registry.Groups().FirstOrDefault(g => g.Group == group);
        if (found.Versions is null)
        {
            return null;
        }

        var doc = Group(group, found.Versions);
        doc["kind"] = "APIGroup";
        doc["apiVersion"] = "v1";
        return doc;
    }

    public static JsonObject? ResourceList(ResourceTypeRegistry registry, string group, string version)
    {
        var types = registry.InGroupVersion(group, version);
        if (types.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var type in types)
        {
            resources.Add(Resource(type));
            if (type.HasStatusSubresource)
            {
                resources.Add(Subresource(type, "status"));
            }

            if (type.ScaleSubresource is not null)
            {
                resources.Add(Subresource(type, "scale"));
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = types[0].GroupVersion,
            ["resources"] = resources,
        };
    }

    private static JsonObject Group(string group, IReadOnlyList<string> versions)
    {
        JsonObject Version(string v) => new() { ["groupVersion"] = $"{group}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = new JsonArray(versions.Select(v => (JsonNode?)Version(v)).ToArray()),
            ["preferredVersion"] = Version(versions[0]),
        };
    }

    private static JsonObject Resource(ResourceType type)
    {
        var resource = new JsonObject
        {
            ["name"] = type.Plural,
            ["singularName"] = type.Singular,
            ["namespaced"] = type.Namespaced,
            ["kind"] = type.Kind,
            ["verbs"] = Strings(type.Verbs),
        };
        if (type.ShortNames.Count > 0)
        {
            resource["shortNames"] = Strings(type.ShortNames);
        }

        if (type.Categories.Count > 0)
        {
            resource["categories"] = Strings(type.Categories);
        }

        resource["storageVersionHash"] = Convert.ToBase64String(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{type.Group}/{type.Version}/{type.Kind}")).AsSpan(0, 8));
        return resource;
    }

    private static JsonObject Subresource(ResourceType type, string name) => new()
    {
        ["name"] = $"{type.Plural}/{name}",
        ["singularName"] = string.Empty,
        ["namespaced"] = type.Namespaced,
        ["kind"] = name == "scale" ? "Scale" : type.Kind,
        ["verbs"] = new JsonArray("get", "patch", "update"),
    };

    internal static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}

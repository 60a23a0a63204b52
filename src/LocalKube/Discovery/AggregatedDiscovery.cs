using System.Text.Json.Nodes;
using LocalKube.Registry;

namespace LocalKube.Discovery;

/// <summary>
/// Aggregated discovery (apidiscovery.k8s.io/v2 APIGroupDiscoveryList), which kubectl 1.32 asks for first on
/// /api and /apis: one round trip instead of one per group-version.
/// </summary>
public static class AggregatedDiscovery
{
    public const string ContentTypeV2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    public const string ContentTypeV2Beta1 = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

    /// <summary>The aggregated version the Accept header asks for ("v2" or "v2beta1"), or null.</summary>
    public static string? RequestedVersion(string accept)
    {
        foreach (var range in accept.Split(','))
        {
            if (range.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal) && range.Contains("g=apidiscovery.k8s.io", StringComparison.Ordinal))
            {
                return range.Contains("v=v2beta1", StringComparison.Ordinal) ? "v2beta1" : "v2";
            }
        }

        return null;
    }

    /// <summary>The list for /api (core only) or /apis (every named group).</summary>
    public static JsonObject Build(ResourceTypeRegistry registry, bool core, string version)
    {
        var groups = registry.Groups().Where(g => (g.Group.Length == 0) == core);
        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = $"apidiscovery.k8s.io/{version}",
            ["metadata"] = new JsonObject(),
            ["items"] = new JsonArray(groups.Select(g => (JsonNode?)Group(registry, g.Group, g.Versions)).ToArray()),
        };
    }

    private static JsonObject Group(ResourceTypeRegistry registry, string group, IReadOnlyList<string> versions) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = group },
        ["versions"] = new JsonArray(versions.Select(v => (JsonNode?)new JsonObject
        {
            ["version"] = v,
            ["resources"] = new JsonArray(registry.InGroupVersion(group, v).Select(t => (JsonNode?)Resource(t)).ToArray()),
            ["freshness"] = "Current",
        }).ToArray()),
    };

    private static JsonObject Resource(ResourceType type)
    {
        var resource = new JsonObject
        {
            ["resource"] = type.Plural,
            ["responseKind"] = Kind(type, type.Kind),
            ["scope"] = type.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = type.Singular,
            ["verbs"] = DiscoveryDocuments.Strings(type.Verbs),
        };
        if (type.ShortNames.Count > 0)
        {
            resource["shortNames"] = DiscoveryDocuments.Strings(type.ShortNames);
        }

        if (type.Categories.Count > 0)
        {
            resource["categories"] = DiscoveryDocuments.Strings(type.Categories);
        }

        var subresources = new JsonArray();
        if (type.HasStatusSubresource)
        {
            subresources.Add(new JsonObject { ["subresource"] = "status", ["responseKind"] = Kind(type, type.Kind), ["verbs"] = new JsonArray("get", "patch", "update") });
        }

        if (type.ScaleSubresource is not null)
        {
            subresources.Add(new JsonObject { ["subresource"] = "scale", ["responseKind"] = new JsonObject { ["group"] = "autoscaling", ["version"] = "v1", ["kind"] = "Scale" }, ["verbs"] = new JsonArray("get", "patch", "update") });
        }

        if (subresources.Count > 0)
        {
            resource["subresources"] = subresources;
        }

        return resource;
    }

    private static JsonObject Kind(ResourceType type, string kind) =>
        new() { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = kind };
}

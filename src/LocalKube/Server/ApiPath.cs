using LocalKube.Registry;

namespace LocalKube.Server;

/// <summary>
/// A parsed resource URL: <c>/api/v1/...</c> or <c>/apis/{group}/{version}/...</c>, then
/// <c>[namespaces/{ns}/]{plural}[/{name}[/{subresource}]]</c>.
/// </summary>
public sealed record ApiPath(ResourceType Type, string? Namespace, string? Name, string? Subresource)
{
    public bool IsCollection => Name is null;

    /// <summary>The group/version prefix of a path, or null when it is not an API path.</summary>
    public static (string Group, string Version, string[] Segments)? SplitGroupVersion(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 2 && segments[0] == "api")
        {
            return (string.Empty, segments[1], segments[2..]);
        }

        if (segments.Length >= 3 && segments[0] == "apis")
        {
            return (segments[1], segments[2], segments[3..]);
        }

        return null;
    }

    /// <summary>Resolves the rest of the path against the registry; a 404 when the resource is unknown.</summary>
    public static ApiPath Parse(ResourceTypeRegistry registry, string group, string version, string[] rest, string fullPath)
    {
        string? ns = null;
        if (rest.Length >= 3 && rest[0] == "namespaces" && registry.Find(group, version, rest[2]) is { Namespaced: true })
        {
            ns = rest[1];
            rest = rest[2..];
        }

        if (rest.Length is 0 or > 3)
        {
            throw Statuses.NotFoundPath(fullPath);
        }

        var type = registry.Find(group, version, rest[0]) ?? throw Statuses.NotFoundPath(fullPath);
        var name = rest.Length > 1 ? Uri.UnescapeDataString(rest[1]) : null;
        var sub = rest.Length > 2 ? rest[2] : null;
        if (type.Namespaced && ns is null && name is not null)
        {
            throw Statuses.NotFoundPath(fullPath);
        }

        return new ApiPath(type, ns, name, sub);
    }
}

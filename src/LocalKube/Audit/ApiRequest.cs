namespace LocalKube.Audit;

/// <summary>
/// One request as kube-apiserver's authorizer sees it (its RequestInfo): the RBAC verb, the resource it names, and who
/// sent it. Non-resource requests (<c>/version</c>, <c>/api</c>, <c>/openapi/v3</c>) carry their path instead.
/// </summary>
public sealed record ApiRequest(
    string Verb,
    string Group,
    string Resource,
    string? Subresource,
    string? Namespace,
    string? Name,
    string? NonResourcePath,
    string? User,
    string UserAgent)
{
    /// <summary>The part an RBAC rule grants: verb, group, resource and subresource (<c>leases</c>, <c>services/status</c>).</summary>
    public Permission Permission => new(Verb, Group, Subresource is null ? Resource : $"{Resource}/{Subresource}", NonResourcePath);

    public bool IsResourceRequest => NonResourcePath is null;

    /// <summary>
    /// Parses a request the way kube-apiserver's RequestInfoFactory does, without the registry, so that requests for
    /// unknown resources are recorded too: <c>/api/v1/...</c> or <c>/apis/{group}/{version}/...</c>, then
    /// <c>[namespaces/{ns}/]{resource}[/{name}[/{subresource}]]</c>.
    /// </summary>
    public static ApiRequest Parse(string method, string path, bool watch, string? user, string userAgent)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        string[] rest;
        string group;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, rest) = (string.Empty, segments[2..]);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, rest) = (segments[1], segments[3..]);
        }
        else
        {
            return new ApiRequest(NonResourceVerb(method), string.Empty, string.Empty, null, null, null, "/" + string.Join('/', segments), user, userAgent);
        }

        string? ns = null;
        // A namespace's own status and finalize are subresources of the namespace, not a path into it.
        if (rest[0] == "namespaces" && rest.Length > 2 && rest[2] is not ("status" or "finalize"))
        {
            ns = rest[1];
            rest = rest[2..];
        }

        var name = rest.Length > 1 ? Uri.UnescapeDataString(rest[1]) : null;
        var subresource = rest.Length > 2 ? rest[2] : null;
        return new ApiRequest(ResourceVerb(method, name is not null, watch), group, rest[0], subresource, ns, name, null, user, userAgent);
    }

    private static string ResourceVerb(string method, bool named, bool watch) => method switch
    {
        "GET" or "HEAD" when watch => "watch",
        "GET" or "HEAD" => named ? "get" : "list",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" => named ? "delete" : "deletecollection",
        _ => method.ToLowerInvariant(),
    };

    private static string NonResourceVerb(string method) => method switch
    {
        "GET" or "HEAD" => "get",
        "POST" => "post",
        "PUT" => "put",
        "PATCH" => "patch",
        "DELETE" => "delete",
        _ => method.ToLowerInvariant(),
    };
}

/// <summary>
/// What an RBAC rule must allow for a request: <c>Resource</c> includes the subresource (<c>services/status</c>);
/// non-resource requests have an empty group and resource and name their URL.
/// </summary>
public sealed record Permission(string Verb, string Group, string Resource, string? NonResourcePath = null)
{
    public override string ToString() => NonResourcePath is null
        ? $"{Verb} {(Group.Length == 0 ? "core" : Group)}/{Resource}"
        : $"{Verb} {NonResourcePath}";
}

namespace LocalKube.Access;

/// <summary>Who a bearer token is, as a TokenReview answers it.</summary>
public sealed record KubeUser(string Name, IReadOnlyList<string> Groups);

/// <summary>What a SubjectAccessReview asks: may this user do this verb on this resource or non-resource URL?</summary>
public sealed record AccessQuestion(
    string User,
    IReadOnlyList<string> Groups,
    string Verb,
    string Group,
    string Resource,
    string? Subresource,
    string? Namespace,
    string? Name,
    string? NonResourcePath);

/// <summary>
/// LocalKube's authentication and authorization, as TokenReview and SubjectAccessReview answer them. LocalKube never
/// enforces either on its own API (every request is served); they exist for clients that delegate auth to the API
/// server, like the operator's metrics endpoint. Allow-all by default: any token authenticates (registered tokens as
/// their user, others as <see cref="DefaultUser"/>) and every question is allowed, unless a test adds a denial.
/// </summary>
public sealed class LocalKubeAccess
{
    public static readonly KubeUser DefaultUser = new("localkube-admin", ["system:masters", "system:authenticated"]);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, KubeUser> _tokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rejected = new(StringComparer.Ordinal);
    private readonly List<(string Why, Func<AccessQuestion, bool> Matches)> _denials = [];

    /// <summary>A token that authenticates as <paramref name="user"/>.</summary>
    public void AddToken(string token, string user, params string[] groups)
    {
        lock (_lock)
        {
            _tokens[token] = new KubeUser(user, [.. groups, "system:authenticated"]);
        }
    }

    /// <summary>A token that TokenReview answers as not authenticated (expired, revoked).</summary>
    public void RejectToken(string token)
    {
        lock (_lock)
        {
            _rejected.Add(token);
        }
    }

    /// <summary>SubjectAccessReviews matching <paramref name="matches"/> are denied with <paramref name="why"/>.</summary>
    public void Deny(string why, Func<AccessQuestion, bool> matches)
    {
        lock (_lock)
        {
            _denials.Add((why, matches));
        }
    }

    /// <summary>The user a bearer token stands for; null when it is rejected or empty.</summary>
    public KubeUser? Authenticate(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        lock (_lock)
        {
            return _rejected.Contains(token) ? null : _tokens.GetValueOrDefault(token, DefaultUser);
        }
    }

    /// <summary>Null when allowed; otherwise the reason of the first denial that matches.</summary>
    public string? Denial(AccessQuestion question)
    {
        lock (_lock)
        {
            return _denials.FirstOrDefault(d => d.Matches(question)).Why;
        }
    }

    /// <summary>Removes every token, rejection and denial.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _tokens.Clear();
            _rejected.Clear();
            _denials.Clear();
        }
    }
}

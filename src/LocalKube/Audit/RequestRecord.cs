namespace LocalKube.Audit;

/// <summary>
/// Every API request LocalKube received, as <see cref="ApiRequest"/>s, for tests that prove what a client needs (the
/// operator's RBAC). The detailed list is bounded; the set of distinct permissions is complete for the server's life.
/// Read it in process (<see cref="LocalKubeServer.Requests"/>) or over HTTP: GET /localkube/requests.
/// </summary>
public sealed class RequestRecord(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Queue<ApiRequest> _recent = new();
    private readonly HashSet<(string? UserAgent, Permission Permission)> _permissions = [];

    /// <summary>The most recent requests, oldest first (at most the capacity given at start).</summary>
    public IReadOnlyList<ApiRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _recent];
            }
        }
    }

    /// <summary>
    /// Every distinct permission exercised since start (or the last <see cref="Clear"/>), optionally only by clients whose
    /// User-Agent starts with <paramref name="userAgentPrefix"/>; never truncated.
    /// </summary>
    public IReadOnlySet<Permission> Permissions(string? userAgentPrefix = null)
    {
        lock (_lock)
        {
            return _permissions
                .Where(p => userAgentPrefix is null || (p.UserAgent ?? string.Empty).StartsWith(userAgentPrefix, StringComparison.Ordinal))
                .Select(p => p.Permission)
                .ToHashSet();
        }
    }

    public void Add(ApiRequest request)
    {
        lock (_lock)
        {
            _permissions.Add((request.UserAgent, request.Permission));
            _recent.Enqueue(request);
            if (_recent.Count > capacity)
            {
                _recent.Dequeue();
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _recent.Clear();
            _permissions.Clear();
        }
    }
}

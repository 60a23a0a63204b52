namespace LocalKube.Registry;

/// <summary>
/// Every servable resource type: the built-ins plus one entry per served version of each established CRD.
/// Thread-safe; readers get snapshots. <see cref="Changed"/> fires after a CRD adds, changes or removes types,
/// so that caches (OpenAPI documents, discovery) can be rebuilt.
/// </summary>
public sealed class ResourceTypeRegistry
{
    private readonly Lock _lock = new();
    private readonly List<ResourceType> _builtIns;
    private readonly Dictionary<string, IReadOnlyList<ResourceType>> _byCrd = new(StringComparer.Ordinal);
    private IReadOnlyList<ResourceType> _all;

    public ResourceTypeRegistry(IEnumerable<ResourceType> builtIns)
    {
        _builtIns = builtIns.ToList();
        _all = _builtIns;
    }

    public event EventHandler? Changed;

    /// <summary>A snapshot of all types, built-ins first, then CRD types in name order.</summary>
    public IReadOnlyList<ResourceType> All
    {
        get
        {
            lock (_lock)
            {
                return _all;
            }
        }
    }

    /// <summary>Groups in discovery order (core "" first), each with its versions (preferred first).</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups()
    {
        var all = All;
        return all.GroupBy(t => t.Group)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(t => t.Version).Distinct().OrderByDescending(VersionPriority).ToList()))
            .ToList();
    }

    public ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);

    public ResourceType? FindKind(string group, string version, string kind) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Kind == kind);

    public IReadOnlyList<ResourceType> InGroupVersion(string group, string version) =>
        All.Where(t => t.Group == group && t.Version == version).ToList();

    /// <summary>Any served version of the storage resource (all versions share one store).</summary>
    public IReadOnlyList<ResourceType> VersionsOf(string storageResource) =>
        All.Where(t => t.StorageResource == storageResource).ToList();

    internal void SetCrdTypes(string crdName, IReadOnlyList<ResourceType> types)
    {
        lock (_lock)
        {
            if (types.Count == 0)
            {
                _byCrd.Remove(crdName);
            }
            else
            {
                _byCrd[crdName] = types;
            }

            _all = _builtIns.Concat(_byCrd.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value)).ToList();
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Kubernetes version priority: GA over beta over alpha, then higher numbers first.</summary>
    public static int VersionPriority(string version)
    {
        var m = System.Text.RegularExpressions.Regex.Match(version, "^v(\\d+)(?:(alpha|beta)(\\d+))?$");
        if (!m.Success)
        {
            return 0;
        }

        var major = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var stage = m.Groups[2].Value switch { "" => 3, "beta" => 2, _ => 1 };
        var minor = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (stage * 1_000_000) + (major * 1000) + minor;
    }
}

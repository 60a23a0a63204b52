namespace LocalKube.Storage;

/// <summary>
/// Where an object lives: its storage resource (group + plural, version-independent), namespace ("" when
/// cluster-scoped) and name. Ordered like etcd keys, so lists come back in the same order as a real server.
/// </summary>
public readonly record struct ObjectKey(string StorageResource, string Namespace, string Name) : IComparable<ObjectKey>
{
    public int CompareTo(ObjectKey other)
    {
        var c = string.CompareOrdinal(StorageResource, other.StorageResource);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(Namespace, other.Namespace);
        return c != 0 ? c : string.CompareOrdinal(Name, other.Name);
    }

    public static bool operator <(ObjectKey left, ObjectKey right) => left.CompareTo(right) < 0;

    public static bool operator >(ObjectKey left, ObjectKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(ObjectKey left, ObjectKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ObjectKey left, ObjectKey right) => left.CompareTo(right) >= 0;
}

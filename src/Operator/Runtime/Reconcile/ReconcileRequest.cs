namespace EcsOperator.Runtime.Reconcile;

/// <summary>
/// The unit of work: only the namespace and name of an object, so that the reconciler always reads the latest
/// state from the cache instead of a copy captured when the work was queued.
/// </summary>
public readonly record struct ReconcileRequest(string Namespace, string Name)
{
    /// <summary>The client-go style key, "namespace/name".</summary>
    public override string ToString() => $"{Namespace}/{Name}";

    /// <summary>Parses "namespace/name"; a key without a slash is a name in the empty namespace.</summary>
    public static ReconcileRequest Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new ReconcileRequest(string.Empty, key) : new ReconcileRequest(key[..slash], key[(slash + 1)..]);
    }

    public static ReconcileRequest For(k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return new ReconcileRequest(obj.Metadata.NamespaceProperty ?? string.Empty, obj.Metadata.Name);
    }
}

using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Cache;

/// <summary>
/// What this operator instance watches: one namespace or all, narrowed by a label selector. Several instances with
/// disjoint scopes (and their own lease) split the work; a reference that leaves the scope is reported, not waited on.
/// </summary>
public sealed class ShardScope(string? @namespace, LabelSelector selector)
{
    /// <summary>Conditions' reason for a reference to an object this instance does not watch.</summary>
    public const string ReferenceOutsideShardReason = "ReferenceOutsideShard";

    public static ShardScope Everything { get; } = new(null, LabelSelector.Everything);

    /// <summary>The watched namespace, or null for all namespaces.</summary>
    public string? Namespace { get; } = string.IsNullOrEmpty(@namespace) ? null : @namespace;

    public LabelSelector Selector { get; } = selector ?? LabelSelector.Everything;

    public bool ContainsNamespace(string? @namespace) => Namespace is null || string.Equals(Namespace, @namespace, StringComparison.Ordinal);

    /// <summary>True when the object is one this instance watches (so its absence from the cache means it does not exist).</summary>
    public bool Contains(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return ContainsNamespace(obj.Metadata.NamespaceProperty) && Selector.Matches(obj.Metadata.Labels);
    }

    /// <summary>
    /// Whether a reference from an object in this shard can be resolved from this shard's caches. A reference in
    /// another namespace is outside when the instance watches one namespace; a label selector makes any reference
    /// uncertain unless the referenced object is present, so callers ask <see cref="Contains"/> once they find it,
    /// and treat "not found while a selector is set" as possibly outside the shard.
    /// </summary>
    public bool MayContain(string? @namespace) => ContainsNamespace(@namespace);

    /// <summary>A message for conditions with reason <see cref="ReferenceOutsideShardReason"/>.</summary>
    public string DescribeOutside(string kind, string @namespace, string name) =>
        $"{kind} {@namespace}/{name} is outside this operator's shard (namespace={Namespace ?? "*"}, selector={(Selector.IsEverything ? "<none>" : Selector.Text)})";
}

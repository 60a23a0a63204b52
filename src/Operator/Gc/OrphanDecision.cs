using EcsOperator.Entities;

namespace EcsOperator.Gc;

/// <summary>
/// Decides whether a tagged AWS resource is an orphan of one Kubernetes cluster. The operator tags everything it
/// creates with cluster-id and owner (<c>namespace/Kind/name</c>, hashed past 256 characters: see
/// <see cref="Controllers.Shared.OwnershipTags.OwnerValue"/>), so the owner is compared as a whole value with the owner
/// values of the objects that exist now, never parsed back. The tags carry no uid: an object deleted and re-created
/// under the same name owns its predecessor's resources, as the reconciler would adopt them itself.
/// </summary>
public static class OrphanDecision
{
    /// <summary>
    /// Null when the resource is not this cluster's (another cluster-id, or none), carries no owner tag (the operator
    /// never makes one like that: someone edited it, so gc leaves it to a human), or its owner exists; otherwise the
    /// reason it is an orphan.
    /// </summary>
    public static string? WhyOrphaned(IReadOnlyDictionary<string, string> tags, string clusterId, IReadOnlySet<string> liveOwners)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(liveOwners);
        if (!tags.TryGetValue(WellKnown.ClusterIdTag, out var taggedCluster) || taggedCluster != clusterId)
        {
            return null;
        }

        if (!tags.TryGetValue(WellKnown.OwnerTag, out var owner) || string.IsNullOrEmpty(owner) || liveOwners.Contains(owner))
        {
            return null;
        }

        var parts = owner.Split('/');
        return parts.Length >= 3 && !LiveOwners.KindNames.Contains(parts[1])
            ? $"owner kind {parts[1]} is not one the operator manages"
            : $"no object {owner} exists";
    }

    /// <summary>The orphans among <paramref name="resources"/>.</summary>
    public static IReadOnlyList<Orphan> Find(IEnumerable<GcResource> resources, string clusterId, IReadOnlySet<string> liveOwners) =>
        [.. resources
            .Select(r => (Resource: r, Reason: WhyOrphaned(r.Tags, clusterId, liveOwners)))
            .Where(x => x.Reason is not null)
            .Select(x => new Orphan(x.Resource, x.Reason!))];
}

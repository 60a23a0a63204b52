using System.Security.Cryptography;
using System.Text;
using EcsOperator.Entities;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// The two tags that mark an AWS resource as managed by one object of one Kubernetes cluster (DESIGN.md §5).
/// Several clusters may share an account: a resource is ours only when both tags match.
/// </summary>
public sealed record OwnershipTags(string Owner, string ClusterId)
{
    /// <summary>AWS's limit on a tag value.</summary>
    public const int MaxValueLength = 256;

    private const int HashSuffixLength = 16;

    /// <summary>The ownership of the object <paramref name="kind"/>/<paramref name="name"/> in <paramref name="namespace"/>.</summary>
    public static OwnershipTags For(string @namespace, string kind, string name, string clusterId) =>
        new(OwnerValue(@namespace, kind, name), clusterId);

    /// <summary>
    /// <c>namespace/kind/name</c>, or, past 256 characters, its head plus a hash of the whole, so that two long names
    /// that share a prefix still get different owners.
    /// </summary>
    public static string OwnerValue(string @namespace, string kind, string name)
    {
        var full = $"{@namespace}/{kind}/{name}";
        if (full.Length <= MaxValueLength)
        {
            return full;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..HashSuffixLength];
        return $"{full[..(MaxValueLength - HashSuffixLength - 1)]}-{hash}";
    }

    /// <summary>The tags as AWS stores them.</summary>
    public IReadOnlyDictionary<string, string> ToTags() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [WellKnown.OwnerTag] = Owner,
        [WellKnown.ClusterIdTag] = ClusterId,
    };

    /// <summary>Who owns a resource that carries <paramref name="awsTags"/>, seen from this object.</summary>
    public Ownership Classify(IReadOnlyDictionary<string, string> awsTags)
    {
        ArgumentNullException.ThrowIfNull(awsTags);
        var hasOwner = awsTags.TryGetValue(WellKnown.OwnerTag, out var owner);
        var hasClusterId = awsTags.TryGetValue(WellKnown.ClusterIdTag, out var clusterId);
        if (!hasOwner && !hasClusterId)
        {
            return Ownership.Unowned;
        }

        return owner == Owner && clusterId == ClusterId ? Ownership.Ours : Ownership.Foreign;
    }
}

/// <summary>How an existing AWS resource relates to the object reconciling it.</summary>
public enum Ownership
{
    /// <summary>Carries this object's owner and cluster-id tags.</summary>
    Ours,

    /// <summary>Carries no ownership tag: created outside the operator, adoptable with the adopt annotation.</summary>
    Unowned,

    /// <summary>Owned by another object or another Kubernetes cluster: never touched.</summary>
    Foreign,
}

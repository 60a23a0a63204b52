using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using EcsOperator.Runtime.Cache;
using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Controller;

/// <summary>
/// Decides which informer events requeue the object itself. Updates that leave generation, deletionTimestamp,
/// finalizers and annotations alone are status-only (often the operator's own writes) and would cause hot loops.
/// Dependent watches do not use this filter: a dependency's status change matters to its dependents.
/// </summary>
public static class ChangeFilter
{
    public static bool RequeuesOwner<TEntity>(InformerEvent<TEntity> change)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Type != InformerEventType.Updated || change.Old is null || !IsStatusOnly(change.Old.Metadata, change.Object.Metadata);
    }

    public static bool IsStatusOnly(V1ObjectMeta old, V1ObjectMeta updated)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(updated);
        return old.Generation == updated.Generation
            && old.DeletionTimestamp == updated.DeletionTimestamp
            && SameItems(old.Finalizers, updated.Finalizers)
            && SameEntries(old.Annotations, updated.Annotations);
    }

    /// <summary>
    /// What must change before a terminal error is retried: generation, annotations or deletion; or the uid, when the
    /// object was deleted and created again under the same name. A 128-bit digest, not the text: every parked object
    /// keeps one, and the text (uid, generation, every annotation) was about 110 bytes or more per object.
    /// </summary>
    public static UInt128 Fingerprint(V1ObjectMeta meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        var annotations = meta.Annotations is null
            ? string.Empty
            : string.Join('\n', meta.Annotations.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
        var text = $"{meta.Uid}|{meta.Generation}|{meta.DeletionTimestamp?.ToUniversalTime():O}|{annotations}";
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }

    private static bool SameItems(IList<string>? a, IList<string>? b) =>
        (a ?? []).SequenceEqual(b ?? [], StringComparer.Ordinal);

    private static bool SameEntries(IDictionary<string, string>? a, IDictionary<string, string>? b)
    {
        var left = a ?? new Dictionary<string, string>();
        var right = b ?? new Dictionary<string, string>();
        return left.Count == right.Count && left.All(kv => right.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }
}

using EcsOperator.Entities;
using EcsOperator.Runtime.Reconcile;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// What a batched resync sweep read from AWS for each object, handed to the one reconcile it triggers so that this
/// reconcile does not describe again. The hand-off is built so that a stale observation is never used:
/// <list type="bullet">
/// <item>a slot is opened per object before the batch read starts, and only for objects no reconcile is working on;</item>
/// <item>any reconcile that starts after that removes the slot (used or not): a reconcile that may have changed AWS
/// after the batch read began can never leave its older picture to the next one;</item>
/// <item>a slot is used only by the same object at the same resourceVersion (an edit, a new annotation, a deletion
/// all make the reconcile read AWS itself), and at most once;</item>
/// <item>the next sweep drops whatever the previous one left, so an observation never outlives its sweep.</item>
/// </list>
/// Only resources found in AWS are handed over: "absent" leads to a create, which the reconcile confirms itself.
/// </summary>
public sealed class PrefetchedObservations<TEntity>
    where TEntity : class, IEcsResource
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ReconcileRequest, Slot> _slots = [];
    private readonly HashSet<ReconcileRequest> _reconciling = [];

    /// <summary>Slots waiting for a reconcile (for tests: none outlives the next sweep).</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _slots.Count;
            }
        }
    }

    /// <summary>
    /// Starts a sweep: drops the previous sweep's slots and opens one per object that no reconcile is working on.
    /// Returns the objects whose observation may be handed over; the others are read by their own reconcile.
    /// </summary>
    public IReadOnlyList<TEntity> Open(IEnumerable<TEntity> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var opened = new List<TEntity>();
        lock (_gate)
        {
            _slots.Clear();
            foreach (var obj in objects)
            {
                var key = ReconcileRequest.For(obj);
                if (!_reconciling.Contains(key) && obj.Metadata.DeletionTimestamp is null)
                {
                    _slots[key] = new Slot(obj.Metadata.Uid, obj.Metadata.ResourceVersion);
                    opened.Add(obj);
                }
            }
        }

        return opened;
    }

    /// <summary>Records what the batch read found for <paramref name="key"/>; ignored when the slot was taken meanwhile.</summary>
    public void Fill(ReconcileRequest key, object observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        lock (_gate)
        {
            if (_slots.TryGetValue(key, out var slot))
            {
                _slots[key] = slot with { Observed = observed };
            }
        }
    }

    /// <summary>
    /// Called as a reconcile (or finalize) of <paramref name="obj"/> starts: takes its slot, and holds the key until
    /// the returned lease is disposed, so that no sweep opens a slot while AWS may change under it.
    /// </summary>
    public Lease Begin(TEntity obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var key = ReconcileRequest.For(obj);
        lock (_gate)
        {
            _reconciling.Add(key);
            var observed = _slots.Remove(key, out var slot) && IsCurrent(slot, obj) ? slot.Observed : null;
            return new Lease(this, key, observed);
        }
    }

    private static bool IsCurrent(Slot slot, TEntity obj) =>
        slot.Observed is not null && slot.Uid == obj.Metadata.Uid && slot.ResourceVersion == obj.Metadata.ResourceVersion;

    private void End(ReconcileRequest key)
    {
        lock (_gate)
        {
            _reconciling.Remove(key);
        }
    }

    private sealed record Slot(string? Uid, string? ResourceVersion, object? Observed = null);

    /// <summary>One reconcile's hold on its key; <see cref="Observed"/> is the sweep's observation it may use, if any.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly PrefetchedObservations<TEntity> _owner;
        private readonly ReconcileRequest _key;
        private bool _disposed;

        internal Lease(PrefetchedObservations<TEntity> owner, ReconcileRequest key, object? observed)
        {
            _owner = owner;
            _key = key;
            Observed = observed;
        }

        public object? Observed { get; }

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _owner.End(_key);
            }
        }
    }
}

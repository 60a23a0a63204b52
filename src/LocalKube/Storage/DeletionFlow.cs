using System.Text.Json.Nodes;
using LocalKube.Registry;
using LocalKube.Server;

namespace LocalKube.Storage;

/// <summary>
/// Deletion as kube-apiserver does it: an object with finalizers gets a deletionTimestamp and stays until its last
/// finalizer is removed; a deleted namespace turns Terminating, its contents are deleted, and it goes when empty;
/// a deleted CRD removes its custom resources, then itself. The two "controllers" run synchronously, in the lock.
/// </summary>
public sealed class DeletionFlow(ObjectStore store, ResourceTypeRegistry registry, BuiltInBehaviour behaviour, TimeProvider time)
{
    private static readonly ResourceType NamespaceType = BuiltInTypes.Namespace;

    public DeleteResult Delete(ResourceType type, string? ns, string name, DeletePreconditions? preconditions, bool dryRun)
    {
        lock (store.Sync)
        {
            var key = ResourceService.KeyOf(type, ns, name);
            var stored = store.Get(key) ?? throw Statuses.NotFound(type, name);
            CheckPreconditions(type, stored, preconditions);
            if (dryRun)
            {
                return new DeleteResult(ResourceService.Relabel(type, stored), Removed: false);
            }

            var result = DeleteLocked(type, key);
            return result with { Object = ResourceService.Relabel(type, result.Object) };
        }
    }

    /// <summary>Creating in a missing namespace is 404; in a terminating one, 403 (as kube-apiserver's lifecycle admission).</summary>
    public void CheckNamespaceAcceptsContent(ResourceType type, string ns, string name)
    {
        var namespaceObj = store.Get(new ObjectKey(NamespaceType.StorageResource, string.Empty, ns)) ?? throw Statuses.NotFound(NamespaceType, ns);
        if (Meta.IsDeleting(namespaceObj))
        {
            throw Statuses.Forbidden(type, name, $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }

    /// <summary>After an update: an object being deleted whose last finalizer was just removed goes now.</summary>
    public void FinishIfReleased(ResourceType type, ObjectKey key, JsonObject stored)
    {
        if (Meta.IsDeleting(stored) && Meta.Finalizers(stored).Count == 0 && !NamespaceHoldsContent(type, stored))
        {
            RemoveAndCascade(type, key);
        }
    }

    private DeleteResult DeleteLocked(ResourceType type, ObjectKey key)
    {
        var stored = store.Get(key)!;
        if (Meta.IsDeleting(stored))
        {
            return new DeleteResult(stored, Removed: false);
        }

        if (Meta.Finalizers(stored).Count == 0 && !BuiltInBehaviour.IsNamespace(type))
        {
            return new DeleteResult(RemoveAndCascade(type, key), Removed: true);
        }

        var marked = MarkDeleting(type, stored);
        var kept = store.Put(key, marked);
        if (BuiltInBehaviour.IsNamespace(type))
        {
            DeleteNamespaceContents(key.Name);
        }
        else if (BuiltInBehaviour.IsCrd(type))
        {
            DeleteCustomResources(kept);
        }

        var removed = store.Get(key) is null;
        return new DeleteResult(removed ? kept : store.Get(key)!, removed);
    }

    private JsonObject MarkDeleting(ResourceType type, JsonObject stored)
    {
        var marked = Meta.Clone(stored);
        var meta = Meta.Metadata(marked);
        meta["deletionTimestamp"] = Meta.Timestamp(time.GetUtcNow());
        meta["deletionGracePeriodSeconds"] = 0;
        if (type.TracksGeneration)
        {
            meta["generation"] = Meta.Long(meta["generation"], 1) + 1;
        }

        if (BuiltInBehaviour.IsNamespace(type))
        {
            marked["status"] = new JsonObject { ["phase"] = "Terminating" };
        }

        return marked;
    }

    private JsonObject RemoveAndCascade(ResourceType type, ObjectKey key)
    {
        var removed = store.Remove(key);
        behaviour.AfterRemove(type, removed);
        if (key.Namespace.Length > 0)
        {
            TryFinishNamespace(key.Namespace);
        }

        if (type.IsCustom && type.CrdName is not null)
        {
            TryFinishCrd(type.CrdName);
        }

        return removed;
    }

    private void DeleteNamespaceContents(string ns)
    {
        foreach (var key in store.KeysInNamespace(ns))
        {
            var versions = registry.VersionsOf(key.StorageResource);
            var type = versions.Count > 0 ? versions[0] : null;
            if (type is not null && store.Get(key) is not null)
            {
                DeleteLocked(type, key);
            }
        }

        TryFinishNamespace(ns);
    }

    private void TryFinishNamespace(string ns)
    {
        var key = new ObjectKey(NamespaceType.StorageResource, string.Empty, ns);
        if (store.Get(key) is { } namespaceObj && Meta.IsDeleting(namespaceObj) && Meta.Finalizers(namespaceObj).Count == 0
            && store.KeysInNamespace(ns).Count == 0)
        {
            RemoveAndCascade(NamespaceType, key);
        }
    }

    private bool NamespaceHoldsContent(ResourceType type, JsonObject obj) =>
        BuiltInBehaviour.IsNamespace(type) && store.KeysInNamespace(Meta.Name(obj)!).Count > 0;

    private void DeleteCustomResources(JsonObject crd)
    {
        var types = CrdTypes.FromCrd(crd);
        if (types.Count > 0)
        {
            foreach (var key in store.Scan(types[0].StorageResource).Select(p => p.Key).ToList())
            {
                DeleteLocked(types[0], key);
            }
        }

        TryFinishCrd(Meta.Name(crd)!);
    }

    /// <summary>The CRD cleanup controller: once no custom resources remain, drop its finalizer so that it goes.</summary>
    private void TryFinishCrd(string crdName)
    {
        var crdType = BuiltInTypes.CustomResourceDefinition;
        var key = new ObjectKey(crdType.StorageResource, string.Empty, crdName);
        if (store.Get(key) is not { } crd || !Meta.IsDeleting(crd))
        {
            return;
        }

        var types = CrdTypes.FromCrd(crd);
        if (types.Count > 0 && store.Count(types[0].StorageResource) > 0)
        {
            return;
        }

        var released = Meta.Clone(crd);
        Meta.SetFinalizers(released, Meta.Finalizers(crd).Where(f => f != BuiltInBehaviour.CrdCleanupFinalizer));
        var stored = store.Put(key, released);
        FinishIfReleased(crdType, key, stored);
    }

    private static void CheckPreconditions(ResourceType type, JsonObject stored, DeletePreconditions? preconditions)
    {
        if (preconditions?.Uid is { } uid && uid != Meta.Uid(stored))
        {
            throw Statuses.Conflict(type, Meta.Name(stored)!, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {Meta.Uid(stored)}");
        }

        if (preconditions?.ResourceVersion is { } rv && rv != Meta.ResourceVersion(stored))
        {
            throw Statuses.Conflict(type, Meta.Name(stored)!, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {Meta.ResourceVersion(stored)}");
        }
    }
}

using System.Text.Json.Nodes;
using LocalKube.Extensibility;
using LocalKube.Patch;
using LocalKube.Registry;
using LocalKube.Server;
using LocalKube.Watch;

namespace LocalKube.Storage;

/// <summary>
/// The API verbs on top of the store: get, list, watch, create, update, patch (delete lives in
/// <see cref="DeletionFlow"/>). Every verb runs under the store lock, so a patch is read-modify-write atomically.
/// Objects handed out are private copies, relabelled to the apiVersion the caller asked for.
/// </summary>
public sealed class ResourceService
{
    private readonly ObjectStore _store;
    private readonly BuiltInBehaviour _behaviour;
    private readonly TimeProvider _time;

    public ResourceService(ObjectStore store, ResourceTypeRegistry registry, TimeProvider time)
    {
        _store = store;
        _time = time;
        Registry = registry;
        _behaviour = new BuiltInBehaviour(registry);
        Deletion = new DeletionFlow(store, registry, _behaviour, time);
    }

    public ResourceTypeRegistry Registry { get; }

    public DeletionFlow Deletion { get; }

    /// <summary>Create/update hooks (schema defaulting, validation, managedFields); run in order, inside the lock.</summary>
    public List<IObjectValidator> Validators { get; } = [];

    public PatchHandlers Patches { get; } = new();

    public ObjectStore Store => _store;

    public static ObjectKey KeyOf(ResourceType type, string? ns, string name) =>
        new(type.StorageResource, type.Namespaced ? ns ?? string.Empty : string.Empty, name);

    public JsonObject Get(ResourceType type, string? ns, string name)
    {
        lock (_store.Sync)
        {
            var stored = _store.Get(KeyOf(type, ns, name)) ?? throw Statuses.NotFound(type, name);
            return Relabel(type, stored);
        }
    }

    /// <summary>A <c>...List</c> object: items in key order, with paging (limit/continue) and selectors.</summary>
    public JsonObject List(ResourceType type, string? ns, WatchFilter filter, int limit, string? continueToken)
    {
        lock (_store.Sync)
        {
            var listRv = _store.ResourceVersion;
            ObjectKey? after = null;
            if (!string.IsNullOrEmpty(continueToken))
            {
                var (rv, startNs, startName) = ContinueToken.Decode(continueToken);
                if (!_store.Hub.History.CanReplayFrom(rv))
                {
                    throw Statuses.Gone("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results.");
                }

                listRv = rv;
                after = new ObjectKey(type.StorageResource, startNs, startName);
            }

            var matching = _store.Scan(type.StorageResource)
                .Where(p => (after is null || p.Key > after.Value) && filter.Covers(p.Key) && filter.Matches(p.Value))
                .ToList();
            var page = limit > 0 ? matching.Take(limit).ToList() : matching;
            var metadata = new JsonObject { ["resourceVersion"] = Meta.Format(listRv) };
            if (page.Count < matching.Count)
            {
                metadata["continue"] = ContinueToken.Encode(listRv, page[^1].Key);
                metadata["remainingItemCount"] = matching.Count - page.Count;
            }

            return new JsonObject
            {
                ["kind"] = type.ListKind,
                ["apiVersion"] = type.ApiVersion,
                ["metadata"] = metadata,
                ["items"] = new JsonArray(page.Select(p => (JsonNode?)Relabel(type, p.Value)).ToArray()),
            };
        }
    }

    /// <summary>Opens a watch; a too-old resourceVersion throws <see cref="WatchExpiredException"/>.</summary>
    public WatchSubscription Watch(ResourceType type, WatchFilter filter, long fromResourceVersion, bool bookmarks, bool sendInitialEvents)
    {
        lock (_store.Sync)
        {
            return _store.Subscribe(filter, fromResourceVersion, type, bookmarks, sendInitialEvents && bookmarks);
        }
    }

    public void EndWatch(WatchSubscription sub)
    {
        lock (_store.Sync)
        {
            _store.Unsubscribe(sub);
        }
    }

    public void Bookmark(WatchSubscription sub)
    {
        lock (_store.Sync)
        {
            _store.RequestBookmark(sub);
        }
    }

    public WriteResult Create(ResourceType type, string? ns, JsonObject body, WriteOptions options)
    {
        lock (_store.Sync)
        {
            return CreateLocked(type, ns, body, options, patchType: null);
        }
    }

    /// <summary>PUT of the main resource or (with <paramref name="subresource"/> "status") of its status.</summary>
    public WriteResult Update(ResourceType type, string? ns, string name, JsonObject body, string? subresource, WriteOptions options)
    {
        lock (_store.Sync)
        {
            var old = _store.Get(KeyOf(type, ns, name)) ?? throw Statuses.NotFound(type, name);
            return UpdateLocked(type, old, body, subresource, options, patchType: null);
        }
    }

    public WriteResult Patch(ResourceType type, string? ns, string name, string? contentType, string body, string? subresource, WriteOptions options)
    {
        var handler = Patches.For(contentType);
        lock (_store.Sync)
        {
            var old = _store.Get(KeyOf(type, ns, name));
            var patched = handler.Apply(new PatchContext
            {
                Type = type,
                Name = name,
                Namespace = ns ?? string.Empty,
                Current = old is null ? null : Relabel(type, old),
                Body = body,
                Subresource = subresource,
                FieldManager = options.FieldManager,
                Force = options.Force,
                FieldValidation = options.FieldValidation,
            });
            if (patched is null || old is null)
            {
                return patched is null
                    ? throw Statuses.NotFound(type, name)
                    : CreateLocked(type, ns, WithName(patched, name), options, handler.ContentType);
            }

            return UpdateLocked(type, old, patched, subresource, options, handler.ContentType);
        }
    }

    private WriteResult CreateLocked(ResourceType type, string? ns, JsonObject body, WriteOptions options, string? patchType)
    {
        var now = _time.GetUtcNow();
        var obj = WritePreparation.ForCreate(type, ns ?? string.Empty, body, now);
        var name = Meta.Name(obj)!;
        var key = KeyOf(type, ns, name);
        if (type.Namespaced)
        {
            Deletion.CheckNamespaceAcceptsContent(type, key.Namespace, name);
        }

        BuiltInBehaviour.OnCreate(type, obj, now);
        var warnings = RunValidators(type, WriteOperation.Create, obj, null, options, patchType);
        obj = type.Conversion?.ToStorage(obj) ?? obj;
        if (_store.Get(key) is not null)
        {
            throw Statuses.AlreadyExists(type, name);
        }

        if (options.DryRun)
        {
            Meta.Metadata(obj).Remove("uid");
            return new WriteResult(obj, warnings, Created: true);
        }

        var stored = _store.Put(key, obj);
        _behaviour.AfterStore(type, stored);
        return new WriteResult(Relabel(type, stored), warnings, Created: true);
    }

    private WriteResult UpdateLocked(ResourceType type, JsonObject stored, JsonObject body, string? subresource, WriteOptions options, string? patchType)
    {
        var old = Relabel(type, stored);
        if (subresource is not null and not "status")
        {
            throw Statuses.NotFoundPath(subresource);
        }

        var statusOnly = subresource == "status";
        var obj = WritePreparation.ForUpdate(type, old, body, statusOnly);
        if (!statusOnly)
        {
            BuiltInBehaviour.OnUpdate(type, old, obj, _time.GetUtcNow());
        }

        var warnings = RunValidators(type, statusOnly ? WriteOperation.UpdateStatus : WriteOperation.Update, obj, old, options, patchType);
        if (WritePreparation.IsNoOp(old, obj) || options.DryRun)
        {
            return new WriteResult(options.DryRun ? obj : old, warnings, Created: false);
        }

        var key = KeyOf(type, Meta.Namespace(old), Meta.Name(old)!);
        var updated = _store.Put(key, type.Conversion?.ToStorage(obj) ?? obj);
        _behaviour.AfterStore(type, updated);
        var result = Relabel(type, updated);
        Deletion.FinishIfReleased(type, key, updated);
        return new WriteResult(result, warnings, Created: false);
    }

    private List<string> RunValidators(ResourceType type, WriteOperation operation, JsonObject obj, JsonObject? old, WriteOptions options, string? patchType)
    {
        var warnings = new List<string>();
        foreach (var validator in Validators)
        {
            var result = validator.Validate(new ObjectValidationContext
            {
                Type = type,
                Operation = operation,
                Object = obj,
                OldObject = old,
                FieldValidation = options.FieldValidation,
                FieldManager = options.FieldManager,
                PatchType = patchType,
            });
            if (!result.IsValid)
            {
                throw Statuses.Invalid(type, Meta.Name(obj) ?? string.Empty, result.Errors);
            }

            warnings.AddRange(result.Warnings);
        }

        return warnings;
    }

    private static JsonObject WithName(JsonObject obj, string name)
    {
        Meta.Metadata(obj)["name"] = name;
        return obj;
    }

    /// <summary>A private copy labelled with the requested version (CRD versions share storage, no conversion).</summary>
    internal static JsonObject Relabel(ResourceType type, JsonObject stored)
    {
        var copy = type.Conversion?.FromStorage(stored) ?? Meta.Clone(stored);
        copy["apiVersion"] = type.ApiVersion;
        return copy;
    }
}

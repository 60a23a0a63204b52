using System.Text.Json.Nodes;
using LocalKube.Extensibility;
using LocalKube.Registry;
using LocalKube.Server;

namespace LocalKube.Storage;

/// <summary>
/// What kube-apiserver's registry strategies do before a write: server-owned metadata, status isolation for types
/// with a status subresource, and generation bumps on spec changes only.
/// </summary>
public static class WritePreparation
{
    /// <summary>Checks kind/apiVersion/namespace against the URL and fills in the server-owned fields of a new object.</summary>
    public static JsonObject ForCreate(ResourceType type, string ns, JsonObject body, DateTimeOffset now)
    {
        var obj = Meta.Clone(body);
        CheckTypeMatches(type, obj);
        var meta = Meta.Metadata(obj);
        if (type.Namespaced)
        {
            var bodyNs = Meta.Namespace(obj);
            if (!string.IsNullOrEmpty(bodyNs) && bodyNs != ns)
            {
                throw Statuses.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            meta["namespace"] = ns;
        }
        else
        {
            meta.Remove("namespace");
        }

        if (string.IsNullOrEmpty(Meta.Name(obj)))
        {
            var prefix = Meta.Str(meta["generateName"]);
            if (string.IsNullOrEmpty(prefix))
            {
                throw Statuses.Invalid(type, string.Empty, [new FieldCause("FieldValueRequired", "metadata.name", "Required value: name or generateName is required")]);
            }

            meta["name"] = NameGenerator.Generate(prefix);
        }

        CheckName(type, Meta.Name(obj)!);
        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = Meta.Timestamp(now);
        if (type.TracksGeneration)
        {
            meta["generation"] = 1;
        }

        meta.Remove("resourceVersion");
        meta.Remove("deletionTimestamp");
        meta.Remove("deletionGracePeriodSeconds");
        if (type.HasStatusSubresource)
        {
            obj.Remove("status");
        }

        return obj;
    }

    /// <summary>
    /// Builds the object to store from an update of the main resource or of /status, keeping what the client may not
    /// change, and bumps the generation when anything outside metadata and status changed.
    /// </summary>
    public static JsonObject ForUpdate(ResourceType type, JsonObject old, JsonObject body, bool statusOnly)
    {
        CheckTypeMatches(type, body);
        var name = Meta.Name(old)!;
        var bodyName = Meta.Name(body);
        if (!string.IsNullOrEmpty(bodyName) && bodyName != name)
        {
            throw Statuses.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        var bodyRv = Meta.ResourceVersion(body);
        if (!string.IsNullOrEmpty(bodyRv) && bodyRv != Meta.ResourceVersion(old))
        {
            throw Statuses.Conflict(type, name);
        }

        var obj = statusOnly ? WithStatusFrom(old, body) : WithImmutableMetadata(type, old, body);
        CheckFinalizersWhileDeleting(type, old, obj);
        if (type.TracksGeneration)
        {
            var generation = Meta.Long(old["metadata"]?["generation"], 1);
            var specChanged = !JsonNode.DeepEquals(Meta.SpecView(old, type.HasStatusSubresource), Meta.SpecView(obj, type.HasStatusSubresource));
            Meta.Metadata(obj)["generation"] = specChanged ? generation + 1 : generation;
        }

        return obj;
    }

    /// <summary>True when storing <paramref name="updated"/> would change nothing: the update is a no-op, as in kube-apiserver.</summary>
    public static bool IsNoOp(JsonObject old, JsonObject updated)
    {
        var copy = Meta.Clone(updated);
        Meta.Metadata(copy)["resourceVersion"] = Meta.ResourceVersion(old);
        return JsonNode.DeepEquals(old, copy);
    }

    private static JsonObject WithStatusFrom(JsonObject old, JsonObject body)
    {
        var obj = Meta.Clone(old);
        obj.Remove("status");
        if (body["status"] is { } status)
        {
            obj["status"] = status.DeepClone();
        }

        return obj;
    }

    private static JsonObject WithImmutableMetadata(ResourceType type, JsonObject old, JsonObject body)
    {
        var obj = Meta.Clone(body);
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        var meta = Meta.Metadata(obj);
        var oldMeta = Meta.Metadata(old);
        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generateName", "generation" })
        {
            meta.Remove(field);
            if (oldMeta[field] is { } value)
            {
                meta[field] = value.DeepClone();
            }
        }

        if (type.HasStatusSubresource)
        {
            obj.Remove("status");
            if (old["status"] is { } status)
            {
                obj["status"] = status.DeepClone();
            }
        }

        return obj;
    }

    private static void CheckFinalizersWhileDeleting(ResourceType type, JsonObject old, JsonObject updated)
    {
        if (!Meta.IsDeleting(old))
        {
            return;
        }

        var added = Meta.Finalizers(updated).Except(Meta.Finalizers(old)).ToList();
        if (added.Count > 0)
        {
            throw Statuses.Invalid(type, Meta.Name(old)!, [new FieldCause("FieldValueForbidden", "metadata.finalizers",
                $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{{string.Join(", ", added.Select(f => $"\"{f}\""))}}}")]);
        }
    }

    private static void CheckTypeMatches(ResourceType type, JsonObject obj)
    {
        var apiVersion = Meta.Str(obj["apiVersion"]);
        var kind = Meta.Str(obj["kind"]);
        if (!string.IsNullOrEmpty(kind) && kind != type.Kind)
        {
            throw Statuses.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }

        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != type.ApiVersion)
        {
            throw Statuses.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }

        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
    }

    private static void CheckName(ResourceType type, string name)
    {
        var valid = name.Length <= 253 && name is not ("." or "..") && !name.Contains('/', StringComparison.Ordinal) && !name.Contains('%', StringComparison.Ordinal);
        if (type.Kind == "Namespace")
        {
            valid = valid && name.Length <= 63 && System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
        }

        if (!valid)
        {
            throw Statuses.Invalid(type, name, [new FieldCause("FieldValueInvalid", "metadata.name", $"Invalid value: \"{name}\": a lowercase RFC 1123 name must consist of lower case alphanumeric characters or '-'")]);
        }
    }
}

using System.Text.Json.Nodes;
using LocalKube.Registry;

namespace LocalKube.Storage;

/// <summary>
/// The little behaviour LocalKube's built-ins have: namespaces start Active with the "kubernetes" finalizer, and
/// CRDs are established at once, carry the cleanup finalizer, and (un)register their types.
/// </summary>
public sealed class BuiltInBehaviour(ResourceTypeRegistry registry)
{
    public const string CrdCleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    public static bool IsNamespace(ResourceType type) => type.Group.Length == 0 && type.Plural == "namespaces";

    public static bool IsCrd(ResourceType type) => type.Group == "apiextensions.k8s.io" && type.Plural == "customresourcedefinitions";

    /// <summary>Called on a new object before validators run.</summary>
    public static void OnCreate(ResourceType type, JsonObject obj, DateTimeOffset now)
    {
        if (IsNamespace(type))
        {
            obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
            obj["status"] = new JsonObject { ["phase"] = "Active" };
            var labels = Meta.Metadata(obj)["labels"] as JsonObject ?? new JsonObject();
            labels["kubernetes.io/metadata.name"] = Meta.Name(obj);
            Meta.Metadata(obj)["labels"] = labels;
        }
        else if (IsCrd(type))
        {
            Meta.SetFinalizers(obj, Meta.Finalizers(obj).Append(CrdCleanupFinalizer).Distinct());
            CrdTypes.MarkEstablished(obj, now);
        }
    }

    /// <summary>Called on an update of the main resource before validators run.</summary>
    public static void OnUpdate(ResourceType type, JsonObject old, JsonObject obj, DateTimeOffset now)
    {
        if (IsCrd(type) && !JsonNode.DeepEquals(old["spec"]?["names"], obj["spec"]?["names"]))
        {
            CrdTypes.MarkEstablished(obj, now);
        }
    }

    /// <summary>Called after an object is stored.</summary>
    public void AfterStore(ResourceType type, JsonObject stored)
    {
        if (IsCrd(type) && !Meta.IsDeleting(stored))
        {
            registry.SetCrdTypes(Meta.Name(stored)!, CrdTypes.FromCrd(stored));
        }
    }

    /// <summary>Called after an object is removed for good.</summary>
    public void AfterRemove(ResourceType type, JsonObject removed)
    {
        if (IsCrd(type))
        {
            registry.SetCrdTypes(Meta.Name(removed)!, []);
        }
    }
}

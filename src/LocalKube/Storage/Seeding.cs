using System.Text.Json.Nodes;
using LocalKube.Registry;
using LocalKube.Serialization;
using LocalKube.Server;

namespace LocalKube.Storage;

/// <summary>What exists at start: the four system namespaces, and objects from a --crds directory.</summary>
public static class Seeding
{
    public static IReadOnlyList<string> SystemNamespaces { get; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public static void CreateSystemNamespaces(ResourceService service, string? kubeSystemUid)
    {
        foreach (var name in SystemNamespaces)
        {
            service.Create(BuiltInTypes.Namespace, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } }, WriteOptions.Default);
        }

        if (kubeSystemUid is not null)
        {
            service.Store.ForceUid(ResourceService.KeyOf(BuiltInTypes.Namespace, null, "kube-system"), kubeSystemUid);
        }
    }

    /// <summary>Creates every object in the *.yaml/*.yml/*.json files of a directory, CRDs first.</summary>
    public static async Task ApplyDirectoryAsync(ResourceService service, string directory, CancellationToken cancellationToken)
    {
        var objects = new List<JsonObject>();
        foreach (var file in Directory.EnumerateFiles(directory).Where(IsManifest).Order(StringComparer.Ordinal))
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            objects.AddRange(YamlJson.ParseDocuments(text).Where(o => Meta.Str(o["kind"]) is not (null or "Kustomization")));
        }

        foreach (var obj in objects.OrderBy(o => Meta.Str(o["kind"]) == "CustomResourceDefinition" ? 0 : 1))
        {
            Apply(service, obj);
        }
    }

    private static void Apply(ResourceService service, JsonObject obj)
    {
        var apiVersion = Meta.Str(obj["apiVersion"]) ?? string.Empty;
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? (string.Empty, apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        var type = service.Registry.FindKind(group, version, Meta.Str(obj["kind"]) ?? string.Empty)
            ?? throw new InvalidOperationException($"no resource type serves {apiVersion} {Meta.Str(obj["kind"])}");
        var ns = type.Namespaced ? Meta.Namespace(obj) ?? "default" : null;
        try
        {
            service.Create(type, ns, obj, WriteOptions.Default);
        }
        catch (ApiException e) when (e.Code == 409)
        {
            var current = service.Get(type, ns, Meta.Name(obj)!);
            Meta.Metadata(obj)["resourceVersion"] = Meta.ResourceVersion(current);
            service.Update(type, ns, Meta.Name(obj)!, obj, null, WriteOptions.Default);
        }
    }

    private static bool IsManifest(string file) =>
        Path.GetExtension(file) is ".yaml" or ".yml" or ".json" && !Path.GetFileName(file).StartsWith("kustomization", StringComparison.Ordinal);
}

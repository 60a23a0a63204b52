using k8s;

namespace EcsOperator.Playground;

/// <summary>Where a kind lives in the API: the REST path pieces the generic custom-object calls need.</summary>
public sealed record ResourceKind(string Group, string Version, string Kind, string Plural, bool Namespaced);

/// <summary>
/// The custom resource kinds the API server has, read from its CustomResourceDefinitions, so that a manifest's
/// apiVersion and kind map to a plural without a hard-coded table.
/// </summary>
public sealed class ResourceCatalog
{
    private readonly Dictionary<(string Group, string Kind), (string Plural, bool Namespaced, HashSet<string> Versions)> _kinds;

    private ResourceCatalog(Dictionary<(string Group, string Kind), (string Plural, bool Namespaced, HashSet<string> Versions)> kinds) => _kinds = kinds;

    public static async Task<ResourceCatalog> LoadAsync(IKubernetes kube, CancellationToken cancellationToken)
    {
        var crds = await kube.ApiextensionsV1.ListCustomResourceDefinitionAsync(cancellationToken: cancellationToken);
        var kinds = crds.Items.ToDictionary(
            crd => (crd.Spec.Group, crd.Spec.Names.Kind),
            crd => (crd.Spec.Names.Plural, crd.Spec.Scope == "Namespaced", crd.Spec.Versions.Where(v => v.Served).Select(v => v.Name).ToHashSet(StringComparer.Ordinal)));
        return new ResourceCatalog(kinds);
    }

    /// <summary>The kind of a manifest, or an error naming the file when no CRD serves it.</summary>
    public ResourceKind Resolve(Manifest manifest)
    {
        if (!_kinds.TryGetValue((manifest.Group, manifest.Kind), out var found))
        {
            throw new PlaygroundException(
                $"{manifest.SourceFile}: {manifest.ApiVersion} {manifest.Kind} is not a custom resource this API server has; the playground applies ecs.operator.dev objects");
        }

        if (!found.Versions.Contains(manifest.Version))
        {
            throw new PlaygroundException(
                $"{manifest.SourceFile}: {manifest.Kind} is not served at {manifest.ApiVersion} (served: {string.Join(", ", found.Versions)})");
        }

        return new ResourceKind(manifest.Group, manifest.Version, manifest.Kind, found.Plural, found.Namespaced);
    }
}

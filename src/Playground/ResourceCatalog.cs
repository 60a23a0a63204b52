using k8s;
using k8s.Models;

namespace EcsOperator.Playground;

/// <summary>One of a kind's printer columns (what <c>kubectl get</c> shows), as the live table reads it.</summary>
public sealed record StatusColumn(string Name, string JsonPath);

/// <summary>
/// Where a kind lives in the API: the REST path pieces the generic custom-object calls need, and the printer
/// columns the live table shows for it.
/// </summary>
public sealed record ResourceKind(string Group, string Version, string Kind, string Plural, bool Namespaced, IReadOnlyList<StatusColumn>? Columns = null)
{
    public IReadOnlyList<StatusColumn> Columns { get; init; } = Columns ?? [];
}

/// <summary>
/// The custom resource kinds the API server has, read from its CustomResourceDefinitions, so that a manifest's
/// apiVersion and kind map to a plural and printer columns without a table per kind.
/// </summary>
public sealed class ResourceCatalog
{
    private readonly Dictionary<(string Group, string Kind), (string Plural, bool Namespaced, Dictionary<string, IReadOnlyList<StatusColumn>> Versions)> _kinds;

    private ResourceCatalog(Dictionary<(string Group, string Kind), (string Plural, bool Namespaced, Dictionary<string, IReadOnlyList<StatusColumn>> Versions)> kinds) => _kinds = kinds;

    public static async Task<ResourceCatalog> LoadAsync(IKubernetes kube, CancellationToken cancellationToken)
    {
        var crds = await kube.ApiextensionsV1.ListCustomResourceDefinitionAsync(cancellationToken: cancellationToken);
        var kinds = crds.Items.ToDictionary(
            crd => (crd.Spec.Group, crd.Spec.Names.Kind),
            crd => (crd.Spec.Names.Plural, crd.Spec.Scope == "Namespaced", crd.Spec.Versions.Where(v => v.Served).ToDictionary(v => v.Name, StatusColumns, StringComparer.Ordinal)));
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

        if (!found.Versions.TryGetValue(manifest.Version, out var columns))
        {
            throw new PlaygroundException(
                $"{manifest.SourceFile}: {manifest.Kind} is not served at {manifest.ApiVersion} (served: {string.Join(", ", found.Versions.Keys)})");
        }

        return new ResourceKind(manifest.Group, manifest.Version, manifest.Kind, found.Plural, found.Namespaced, columns);
    }

    /// <summary>
    /// The columns <c>kubectl get</c> shows by default (priority 0), less the ones the table has already: the
    /// conditions (READY, REASON, MESSAGE) and the age.
    /// </summary>
    public static IReadOnlyList<StatusColumn> StatusColumns(V1CustomResourceDefinitionVersion version) =>
        (version.AdditionalPrinterColumns ?? [])
            .Where(c => (c.Priority ?? 0) == 0 && c.Type != "date" && !c.JsonPath.StartsWith(".status.conditions", StringComparison.Ordinal))
            .Select(c => new StatusColumn(c.Name, c.JsonPath))
            .ToList();
}

using System.Text.Json.Nodes;

namespace LocalKube.Registry;

/// <summary>
/// One servable resource at one group/version: what discovery lists, what OpenAPI and Table renderers enumerate,
/// and what the request pipeline needs (scope, subresources, schema). Built-ins and CRD versions share this shape.
/// </summary>
public sealed record ResourceType
{
    public required string Group { get; init; }

    public required string Version { get; init; }

    public required string Kind { get; init; }

    public required string Plural { get; init; }

    public required string Singular { get; init; }

    public required bool Namespaced { get; init; }

    public string ListKind => Kind + "List";

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>True when writes to the main resource ignore status and <c>/status</c> writes ignore everything else.</summary>
    public bool HasStatusSubresource { get; init; }

    /// <summary>The CRD's scale subresource paths, when declared (stored only; nothing scales).</summary>
    public JsonObject? ScaleSubresource { get; init; }

    /// <summary>The openAPIV3Schema of a CRD version; null for schemaless built-ins.</summary>
    public JsonObject? Schema { get; init; }

    /// <summary>A CRD version's additionalPrinterColumns; empty for built-ins.</summary>
    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    /// <summary>True when the server keeps metadata.generation (custom resources, CRDs, workloads; not ConfigMaps).</summary>
    public bool TracksGeneration { get; init; }

    /// <summary>True for types served from a CustomResourceDefinition.</summary>
    public bool IsCustom { get; init; }

    /// <summary>The CRD's name (plural.group) for custom types.</summary>
    public string? CrdName { get; init; }

    /// <summary>True when this version is the CRD's storage version (always true for built-ins).</summary>
    public bool IsStorageVersion { get; init; } = true;

    public IReadOnlyList<string> Verbs { get; init; } = StandardVerbs;

    public static IReadOnlyList<string> StandardVerbs { get; } =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string GroupVersion => ApiVersion;

    /// <summary>The version-independent storage key: objects of all versions of one resource share it.</summary>
    public string StorageResource => StoredAs ?? (Group.Length == 0 ? Plural : $"{Plural}.{Group}");

    /// <summary>Another type's storage resource that holds this type's objects (events.k8s.io Events → "events").</summary>
    public string? StoredAs { get; init; }

    /// <summary>How objects convert to and from <see cref="StoredAs"/>'s shape; null when they are stored as they are.</summary>
    public IStorageConversion? Conversion { get; init; }

    /// <summary>"leases.coordination.k8s.io" or "configmaps": how Status messages name the resource.</summary>
    public string QualifiedResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>"Service.ecs.operator.dev" or "ConfigMap": how Invalid messages name the kind.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";
}

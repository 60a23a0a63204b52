namespace LocalKube.Registry;

/// <summary>The built-in types LocalKube serves. Only Namespace and CRD carry behaviour; the rest are stored as-is.</summary>
public static class BuiltInTypes
{
    public static ResourceType Namespace { get; } = Core("Namespace", "namespaces", "namespace", false, ["ns"], status: true);

    public static ResourceType CustomResourceDefinition { get; } = new()
    {
        Group = "apiextensions.k8s.io",
        Version = "v1",
        Kind = "CustomResourceDefinition",
        Plural = "customresourcedefinitions",
        Singular = "customresourcedefinition",
        Namespaced = false,
        ShortNames = ["crd", "crds"],
        Categories = ["api-extensions"],
        HasStatusSubresource = true,
        TracksGeneration = true,
    };

    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Namespace,
        Core("ConfigMap", "configmaps", "configmap", true, ["cm"]),
        Core("Secret", "secrets", "secret", true, []),
        Core("ServiceAccount", "serviceaccounts", "serviceaccount", true, ["sa"]),
        Core("Event", "events", "event", true, ["ev"]),
        Core("Service", "services", "service", true, ["svc"], status: true, categories: ["all"]),
        CustomResourceDefinition,
        Typed("events.k8s.io", "Event", "events", true, ["ev"]) with { StoredAs = "events", Conversion = EventConversion.Instance },
        Typed("coordination.k8s.io", "Lease", "leases", true, []),
        Typed("apps", "Deployment", "deployments", true, ["deploy"], status: true, categories: ["all"]),
        Typed("policy", "PodDisruptionBudget", "poddisruptionbudgets", true, ["pdb"], status: true),
        Typed("rbac.authorization.k8s.io", "ClusterRole", "clusterroles", false, []),
        Typed("rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings", false, []),
        Typed("rbac.authorization.k8s.io", "Role", "roles", true, []),
        Typed("rbac.authorization.k8s.io", "RoleBinding", "rolebindings", true, []),
    ];

    private static ResourceType Core(string kind, string plural, string singular, bool namespaced, string[] shortNames, bool status = false, string[]? categories = null) =>
        Typed(string.Empty, kind, plural, namespaced, shortNames, status, categories);

    private static ResourceType Typed(string group, string kind, string plural, bool namespaced, string[] shortNames, bool status = false, string[]? categories = null) => new()
    {
        Group = group,
        Version = "v1",
        Kind = kind,
        Plural = plural,
        Singular = kind.ToLowerInvariant(),
        Namespaced = namespaced,
        ShortNames = shortNames,
        Categories = categories ?? [],
        HasStatusSubresource = status,
        TracksGeneration = kind is "Deployment" or "PodDisruptionBudget",
        Verbs = kind == "Namespace" ? ["create", "delete", "get", "list", "patch", "update", "watch"] : ResourceType.StandardVerbs,
    };
}

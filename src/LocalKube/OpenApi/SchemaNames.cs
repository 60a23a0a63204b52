using LocalKube.Registry;

namespace LocalKube.OpenApi;

/// <summary>The component names the apiserver gives schemas ("io.k8s.api.core.v1.ConfigMap", "dev.operator.ecs.v1alpha1.Service").</summary>
public static class SchemaNames
{
    public const string ObjectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    public const string ListMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta";
    public const string Status = "io.k8s.apimachinery.pkg.apis.meta.v1.Status";
    public const string DeleteOptions = "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions";
    public const string Patch = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

    public static string For(ResourceType type) => Prefix(type) + type.Kind;

    public static string ListFor(ResourceType type) => Prefix(type) + type.ListKind;

    public static string Ref(string name) => "#/components/schemas/" + name;

    private static string Prefix(ResourceType type)
    {
        if (type.IsCustom)
        {
            return string.Join('.', type.Group.Split('.').Reverse()) + $".{type.Version}.";
        }

        if (type.Group == "apiextensions.k8s.io")
        {
            return $"io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.{type.Version}.";
        }

        var shortGroup = type.Group.Length == 0 ? "core" : type.Group.Split('.')[0];
        return $"io.k8s.api.{shortGroup}.{type.Version}.";
    }
}

using System.Reflection;
using k8s.Models;

namespace EcsOperator.Runtime.Client;

/// <summary>Group, version, plural and kind of an entity type, read once from its [KubernetesEntity] attribute.</summary>
public sealed record EntityMetadata(string Group, string Version, string Plural, string Kind)
{
    public string ApiVersion => string.IsNullOrEmpty(Group) ? Version : $"{Group}/{Version}";

    public static EntityMetadata Of<TEntity>() => Cache<TEntity>.Value;

    private static class Cache<TEntity>
    {
        public static readonly EntityMetadata Value = Read(typeof(TEntity));
    }

    private static EntityMetadata Read(Type type)
    {
        var attribute = type.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [KubernetesEntity] attribute.");
        return new EntityMetadata(attribute.Group, attribute.ApiVersion, attribute.PluralName, attribute.Kind);
    }
}

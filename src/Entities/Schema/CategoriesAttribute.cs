namespace EcsOperator.Entities.Schema;

/// <summary>The resource categories a kind belongs to (<c>kubectl get ecs</c> lists every kind in category ecs).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CategoriesAttribute(params string[] categories) : Attribute
{
    public IReadOnlyList<string> Categories { get; } = categories;
}

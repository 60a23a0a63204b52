namespace EcsOperator.Entities.Schema;

/// <summary>The short names kubectl accepts for a kind (<c>kubectl get ecss</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ShortNamesAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}

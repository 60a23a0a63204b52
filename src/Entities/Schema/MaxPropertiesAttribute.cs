namespace EcsOperator.Entities.Schema;

/// <summary>Bounds the number of keys of a map property (OpenAPI <c>maxProperties</c>).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class MaxPropertiesAttribute(int max) : Attribute
{
    public int Max { get; } = max;
}

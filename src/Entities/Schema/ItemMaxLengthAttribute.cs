namespace EcsOperator.Entities.Schema;

/// <summary>Bounds each string of a list or each value of a map, which keeps CEL cost estimates small.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ItemMaxLengthAttribute(int max) : Attribute
{
    public int Max { get; } = max;
}

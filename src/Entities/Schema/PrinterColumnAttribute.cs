namespace EcsOperator.Entities.Schema;

/// <summary>
/// An extra column for <c>kubectl get</c>. The generator adds Ready first and Age last for every kind;
/// these attributes fill the columns in between, sorted by <see cref="Order"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PrinterColumnAttribute(int order, string name, string type, string jsonPath) : Attribute
{
    public int Order { get; } = order;

    public string Name { get; } = name;

    /// <summary>An OpenAPI type: string, integer, number, boolean or date.</summary>
    public string Type { get; } = type;

    public string JsonPath { get; } = jsonPath;

    public string? Description { get; set; }

    /// <summary>0 shows the column always; higher values only with <c>-o wide</c>.</summary>
    public int Priority { get; set; }
}

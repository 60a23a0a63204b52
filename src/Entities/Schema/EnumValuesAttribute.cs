namespace EcsOperator.Entities.Schema;

/// <summary>
/// Restricts a string (or the items of a string list) to the <c>public const string</c> fields of
/// <paramref name="valuesType"/>. Strings rather than C# enums keep unknown future AWS values readable.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class EnumValuesAttribute(Type valuesType) : Attribute
{
    public Type ValuesType { get; } = valuesType;

    /// <summary>The allowed values, in declaration order.</summary>
    public static IReadOnlyList<string> ValuesOf(Type valuesType)
    {
        ArgumentNullException.ThrowIfNull(valuesType);
        return valuesType
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .OrderBy(field => field.MetadataToken)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();
    }
}

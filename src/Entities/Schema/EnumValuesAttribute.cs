using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace EcsOperator.Entities.Schema;

/// <summary>
/// Restricts a string (or the items of a string list) to the <c>public const string</c> fields of
/// <paramref name="valuesType"/>. Strings rather than C# enums keep unknown future AWS values readable.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class EnumValuesAttribute([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type valuesType) : Attribute
{
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)]
    public Type ValuesType { get; } = valuesType;

    /// <summary>Each values type's list, read once: the spec check asks on every reconcile of every enum field.</summary>
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> Known = new();

    /// <summary>The allowed values, in declaration order.</summary>
    public static IReadOnlyList<string> ValuesOf([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type valuesType)
    {
        ArgumentNullException.ThrowIfNull(valuesType);
        if (Known.TryGetValue(valuesType, out var known))
        {
            return known;
        }

        // Reflection, and in a native AOT build one caught exception per field (DeclarationOrder): not on every call.
        IReadOnlyList<string> values = valuesType
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .OrderBy(DeclarationOrder.Of)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList()
            .AsReadOnly();
        return Known.GetOrAdd(valuesType, values);
    }
}

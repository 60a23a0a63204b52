using System.Reflection;
using EcsOperator.Entities.Schema;
using k8s.Models;

namespace EcsOperator.Crds;

/// <summary>The schema of a leaf value: string (with its enum), integer, number, boolean or date-time.</summary>
internal static class ScalarSchema
{
    public static V1JSONSchemaProps? For(Type type, PropertyInfo property)
    {
        if (type == typeof(string))
        {
            var values = property.GetCustomAttribute<EnumValuesAttribute>() is { } allowed
                ? EnumValuesAttribute.ValuesOf(allowed.ValuesType).Cast<object>().ToList()
                : null;
            return new V1JSONSchemaProps { Type = "string", EnumProperty = values };
        }

        if (type.IsEnum)
        {
            return new V1JSONSchemaProps { Type = "string", EnumProperty = Enum.GetNames(type).Cast<object>().ToList() };
        }

        return type switch
        {
            _ when type == typeof(int) => new V1JSONSchemaProps { Type = "integer", Format = "int32" },
            _ when type == typeof(long) => new V1JSONSchemaProps { Type = "integer", Format = "int64" },
            _ when type == typeof(double) => new V1JSONSchemaProps { Type = "number", Format = "double" },
            _ when type == typeof(bool) => new V1JSONSchemaProps { Type = "boolean" },
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) =>
                new V1JSONSchemaProps { Type = "string", Format = "date-time" },
            _ => null,
        };
    }
}

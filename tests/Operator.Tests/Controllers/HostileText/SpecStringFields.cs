using EcsOperator.Crds;

namespace EcsOperator.Tests.Controllers.HostileText;

/// <summary>
/// Every string a user can write into a kind's spec, found by reflection over the entity types, as a path template:
/// <c>spec.containerDefinitions[].environment[].value</c> for a field inside list items, <c>spec.tags{key}</c> and
/// <c>spec.tags{value}</c> for the keys and values of a map. A field added to an entity appears here by itself.
/// </summary>
internal static class SpecStringFields
{
    public const string ListItem = "[]";
    public const string MapKey = "{key}";
    public const string MapValue = "{value}";

    public static IReadOnlyList<string> Of(Type kind)
    {
        var fields = new List<string>();
        Walk(kind.GetProperty("Spec")!.PropertyType, "spec", fields, []);
        return fields;
    }

    private static void Walk(Type type, string path, List<string> fields, HashSet<Type> visiting)
    {
        if (!visiting.Add(type))
        {
            return;
        }

        foreach (var property in SchemaBuilder.SerializedProperties(type))
        {
            Member(Unwrap(property.PropertyType), $"{path}.{SchemaBuilder.JsonName(property)}", fields, visiting);
        }

        visiting.Remove(type);
    }

    private static void Member(Type type, string path, List<string> fields, HashSet<Type> visiting)
    {
        if (type == typeof(string))
        {
            fields.Add(path);
        }
        else if (IsGeneric(type, typeof(IDictionary<,>)))
        {
            fields.Add(path + MapKey);
            if (type.GetGenericArguments()[1] is var value && (value == typeof(string) || value == typeof(object)))
            {
                fields.Add(path + MapValue);
            }
        }
        else if (IsGeneric(type, typeof(IList<>)))
        {
            Member(Unwrap(type.GetGenericArguments()[0]), path + ListItem, fields, visiting);
        }
        else if (type.IsClass && type.Namespace?.StartsWith("EcsOperator.Entities", StringComparison.Ordinal) == true)
        {
            Walk(type, path, fields, visiting);
        }
    }

    private static bool IsGeneric(Type type, Type definition) => type.IsGenericType && type.GetGenericTypeDefinition() == definition;

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}

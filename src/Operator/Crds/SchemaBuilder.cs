using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;
using EcsOperator.Runtime.Json;
using k8s.Models;
using MaxLengthAttribute = EcsOperator.Entities.Schema.MaxLengthAttribute;
using MinLengthAttribute = EcsOperator.Entities.Schema.MinLengthAttribute;

namespace EcsOperator.Crds;

/// <summary>
/// Builds a structural OpenAPI v3 schema from an entity type by reflection: every node has a type, maps use
/// additionalProperties only, and attributes on the C# types become formats, enums, bounds, defaults and CEL rules.
/// </summary>
[UnconditionalSuppressMessage("Trimming", "IL2070", Justification = AotJustification.EntitiesKeptWhole)]
internal sealed class SchemaBuilder(XmlDocs docs)
{
    public V1JSONSchemaProps ForObject(Type type, string? description)
    {
        var schema = new V1JSONSchemaProps
        {
            Type = "object",
            Description = description ?? docs.Of(type),
            Properties = new Dictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal),
        };
        var required = new List<string>();
        foreach (var property in SerializedProperties(type))
        {
            var name = JsonName(property);
            schema.Properties[name] = ForProperty(property);
            if (property.IsDefined(typeof(RequiredAttribute)))
            {
                required.Add(name);
            }
        }

        schema.Required = required.Count > 0 ? required : null;
        schema.XKubernetesValidations = Rules(type.GetCustomAttributes<CelRuleAttribute>());
        return schema;
    }

    /// <summary>The JSON name of a property: its [JsonPropertyName], else camelCase.</summary>
    public static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? char.ToLowerInvariant(property.Name[0]) + property.Name[1..];

    /// <summary>Public read-write properties that reach JSON, base class members first, in declaration order.</summary>
    public static IEnumerable<PropertyInfo> SerializedProperties(Type type)
    {
        var hierarchy = new Stack<Type>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            hierarchy.Push(current);
        }

        return hierarchy.SelectMany(level => level
            .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(property => property.CanRead && property.CanWrite && !property.IsDefined(typeof(JsonIgnoreAttribute)))
            .OrderBy(DeclarationOrder.Of));
    }

    public static IList<V1ValidationRule>? Rules(IEnumerable<CelRuleAttribute> attributes)
    {
        var rules = attributes
            .Select(rule => new V1ValidationRule { Rule = rule.Rule, FieldPath = rule.FieldPath, Message = rule.Message })
            .ToList();
        return rules.Count > 0 ? rules : null;
    }

    private V1JSONSchemaProps ForProperty(PropertyInfo property)
    {
        var description = docs.Of(property);
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var schema = property.IsDefined(typeof(PreserveUnknownFieldsAttribute))
            ? new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true }
            : ForType(type, property, description);
        schema.Description = description;
        ApplyBounds(schema, property);
        if (property.GetCustomAttribute<DefaultValueAttribute>() is { Value: { } value })
        {
            schema.DefaultProperty = value;
        }

        var rules = Rules(property.GetCustomAttributes<CelRuleAttribute>());
        if (rules is not null)
        {
            schema.XKubernetesValidations = [.. schema.XKubernetesValidations ?? [], .. rules];
        }

        return schema;
    }

    private V1JSONSchemaProps ForType(Type type, PropertyInfo property, string? description)
    {
        if (ScalarSchema.For(type, property) is { } scalar)
        {
            return scalar;
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            var values = ForType(valueType, property, null);
            ApplyItemLength(values, property);
            var map = new V1JSONSchemaProps { Type = "object", AdditionalProperties = values };
            if (property.GetCustomAttribute<TagMapAttribute>() is { } tagMap)
            {
                ApplyTagRules(map, values, tagMap.MaxUserTags);
            }

            return map;
        }

        if (ListItemType(type) is { } itemType)
        {
            var items = ForType(itemType, property, null);
            ApplyItemLength(items, property);
            return new V1JSONSchemaProps { Type = "array", Items = items };
        }

        return ForObject(type, description);
    }

    private static void ApplyBounds(V1JSONSchemaProps schema, PropertyInfo property)
    {
        var max = property.GetCustomAttribute<MaxLengthAttribute>()?.Length;
        var min = property.GetCustomAttribute<MinLengthAttribute>()?.Length;
        if (schema.Type == "array")
        {
            schema.MaxItems = max;
            schema.MinItems = min;
        }
        else if (schema.Type == "string")
        {
            schema.MaxLength = max;
            schema.MinLength = min;
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            schema.Minimum = Convert.ToDouble(range.Minimum, System.Globalization.CultureInfo.InvariantCulture);
            schema.Maximum = Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture);
        }

        schema.Pattern = property.GetCustomAttribute<RegularExpressionAttribute>()?.Pattern;
        schema.MaxProperties ??= property.GetCustomAttribute<MaxPropertiesAttribute>()?.Max;
    }

    private static void ApplyItemLength(V1JSONSchemaProps items, PropertyInfo property)
    {
        if (items.Type == "string" && property.GetCustomAttribute<ItemMaxLengthAttribute>() is { } itemMax)
        {
            items.MaxLength = itemMax.Max;
        }
    }

    private static void ApplyTagRules(V1JSONSchemaProps map, V1JSONSchemaProps values, int maxUserTags)
    {
        map.MaxProperties = maxUserTags;
        values.MaxLength = TagRules.MaxValueLength;
        map.XKubernetesValidations =
        [
            new V1ValidationRule
            {
                Rule = TagRules.ReservedPrefixRule,
                Message = $"tag keys may not start with {Entities.WellKnown.Prefix} (the operator's) or {TagRules.AwsReservedPrefix} (AWS's)",
            },
            new V1ValidationRule
            {
                Rule = TagRules.KeyLengthRule,
                Message = $"tag keys must be 1 to {TagRules.MaxKeyLength} characters",
            },
        ];
    }

    private static Type? DictionaryValueType(Type type) =>
        GenericArgumentsOf(type, typeof(IDictionary<,>)) is [var key, var value] && key == typeof(string) ? value : null;

    private static Type? ListItemType(Type type) =>
        type == typeof(string) ? null : GenericArgumentsOf(type, typeof(IList<>)) is [var item] ? item : null;

    private static Type[]? GenericArgumentsOf(Type type, Type openInterface)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == openInterface)
        {
            return type.GetGenericArguments();
        }

        return type.GetInterfaces()
            .FirstOrDefault(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() == openInterface)
            ?.GetGenericArguments();
    }
}

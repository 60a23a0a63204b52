using System.Reflection;
using System.Text.Json.Nodes;
using EcsOperator.Crds;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Tests.Entities;

/// <summary>
/// Walks a botocore input shape and an entity type side by side and lists every member the entity lacks,
/// every type that does not match, and every enum member not restricted to the model's enum.
/// </summary>
internal sealed class ModelWalker(BotocoreModel model, IReadOnlyDictionary<string, string> exclusions)
{
    private readonly HashSet<(Type, string)> _visited = [];

    public List<string> Problems { get; } = [];

    public void Compare(Type type, string shapeName, string path)
    {
        if (!_visited.Add((type, shapeName)))
        {
            return;
        }

        var shape = model.Shape(shapeName);
        var properties = SchemaBuilder.SerializedProperties(type).ToDictionary(SchemaBuilder.JsonName);
        foreach (var (member, reference) in shape["members"]!.AsObject())
        {
            var memberPath = $"{path}.{member}";
            if (exclusions.ContainsKey($"{shapeName}.{member}"))
            {
                continue;
            }

            if (!properties.TryGetValue(member, out var property))
            {
                Problems.Add($"{memberPath} is missing (botocore {shapeName}.{member})");
                continue;
            }

            CompareMember(property, reference!["shape"]!.GetValue<string>(), memberPath);
        }
    }

    private void CompareMember(PropertyInfo property, string shapeName, string path)
    {
        var shape = model.Shape(shapeName);
        var type = Unwrap(property.PropertyType);
        switch (shape["type"]!.GetValue<string>())
        {
            case "structure" when shape["document"]?.GetValue<bool>() == true:
                Expect(property.IsDefined(typeof(PreserveUnknownFieldsAttribute)), path, "a free-form document");
                break;
            case "structure":
                Compare(type, shapeName, path);
                break;
            case "list" when shape["member"]!["shape"]!.GetValue<string>() == "Tag":
                Expect(property.IsDefined(typeof(TagMapAttribute)), path, "a [TagMap] map (tags are maps by design)");
                break;
            case "list":
                var item = ItemType(type);
                Expect(item is not null, path, "a list");
                if (item is not null)
                {
                    CompareItem(property, item, shape["member"]!["shape"]!.GetValue<string>(), path + "[]");
                }

                break;
            case "map":
                Expect(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>), path, "a map");
                break;
            default:
                CompareScalar(property, type, shape, shapeName, path);
                break;
        }
    }

    private void CompareItem(PropertyInfo property, Type itemType, string itemShape, string path)
    {
        if (model.Shape(itemShape)["type"]!.GetValue<string>() == "structure")
        {
            Compare(Unwrap(itemType), itemShape, path);
        }
        else
        {
            CompareScalar(property, Unwrap(itemType), model.Shape(itemShape), itemShape, path);
        }
    }

    private void CompareScalar(PropertyInfo property, Type type, JsonObject shape, string shapeName, string path)
    {
        var expected = shape["type"]!.GetValue<string>() switch
        {
            "string" => typeof(string),
            "integer" => typeof(int),
            "long" => typeof(long),
            "boolean" => typeof(bool),
            "double" => typeof(double),
            var other => throw new NotSupportedException($"{path}: botocore type {other}"),
        };
        Expect(type == expected, path, $"a {expected.Name}, not {type.Name}");
        if (shape["enum"] is not null)
        {
            var values = property.GetCustomAttribute<EnumValuesAttribute>()?.ValuesType;
            var mirrored = values?.GetCustomAttribute<AwsEnumAttribute>()?.Shape;
            Expect(mirrored == shapeName, path, $"restricted to the botocore enum {shapeName} (found {mirrored ?? "none"})");
        }
    }

    private void Expect(bool condition, string path, string what)
    {
        if (!condition)
        {
            Problems.Add($"{path} should be {what}");
        }
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static Type? ItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>) ? type.GetGenericArguments()[0] : null;
}

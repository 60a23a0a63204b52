using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EcsOperator.Crds;
using EcsOperator.Entities;
using EcsOperator.Runtime.Json;
using k8s;
using Xunit;

namespace EcsOperator.Tests.Entities;

/// <summary>
/// Every field of every kind, set at once, survives JSON and YAML round trips: the samples only cover the
/// fields users write most, this covers the rest of the ECS shapes.
/// </summary>
public sealed class FullyPopulatedRoundTripTests
{
    /// <summary>Reflection with KubernetesJson's settings.</summary>
    private static readonly JsonSerializerOptions Reflection = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters =
        {
            new JsonStringEnumConverter(),
            new KubernetesJson.Iso8601TimeSpanConverter(),
            new KubernetesJson.KubernetesDateTimeConverter(),
            new KubernetesJson.KubernetesDateTimeOffsetConverter(),
        },
    };

    /// <summary>The same settings, with the operator's source-generated context only.</summary>
    private static readonly JsonSerializerOptions Generated = new(Reflection) { TypeInfoResolver = OperatorJsonContext.Default };

    public static TheoryData<string> Kinds => new(EntityKinds.All.Select(type => type.Name));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_field_survives_json_and_yaml_round_trips(string kindTypeName)
    {
        var type = EntityKinds.All.Single(candidate => candidate.Name == kindTypeName);
        var entity = (IEcsResource)Fill(type, depth: 0)!;
        var json = JsonNode.Parse(KubernetesJson.Serialize(entity))!.AsObject();

        var fromYaml = Reread(type, KubernetesYaml.Serialize(entity), yaml: true);
        var fromJson = Reread(type, json.ToJsonString(), yaml: false);

        JsonTrees.AssertSame(json, fromJson, $"{type.Name} (JSON)");
        JsonTrees.AssertSame(json, fromYaml, $"{type.Name} (YAML)");
        Assert.True(CountLeaves(json["spec"]) >= CountProperties(type.GetProperty("Spec")!.PropertyType, []),
            "some spec fields were not written at all");
    }

    /// <summary>
    /// The operator writes the kinds through its source-generated context (no reflection: a native AOT build has none
    /// for value types); with every field set, that gives the same JSON as reflection with KubernetesJson's settings.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_source_generated_context_writes_every_field_as_reflection_does(string kindTypeName)
    {
        var type = EntityKinds.All.Single(candidate => candidate.Name == kindTypeName);
        var entity = Fill(type, depth: 0)!;
        var viaReflection = JsonNode.Parse(JsonSerializer.Serialize(entity, type, Reflection))!.AsObject();
        var viaContext = JsonNode.Parse(JsonSerializer.Serialize(entity, Generated.GetTypeInfo(type)))!.AsObject();
        var shared = JsonNode.Parse(KubernetesJson.Serialize(entity))!.AsObject();

        JsonTrees.AssertSame(viaReflection, viaContext, $"{type.Name} (source-generated)");
        JsonTrees.AssertSame(viaReflection, shared, $"{type.Name} (KubernetesJson)");
    }

    private static JsonObject Reread(Type type, string text, bool yaml)
    {
        var method = yaml
            ? typeof(KubernetesYaml).GetMethods().Single(m => m.Name == "Deserialize" && m.GetParameters()[0].ParameterType == typeof(string))
            : typeof(KubernetesJson).GetMethods().Single(m => m.Name == "Deserialize" && m.IsGenericMethod
                && m.GetParameters()[0].ParameterType == typeof(string));
        var entity = method.MakeGenericMethod(type).Invoke(null, yaml ? [text, false] : [text, null]);
        return JsonNode.Parse(KubernetesJson.Serialize(entity))!.AsObject();
    }

    /// <summary>A value for every settable property: "x", 7, true, 0.5, Retain, one-item lists and maps.</summary>
    private static object? Fill(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "x",
            _ when type == typeof(int) => 7,
            _ when type == typeof(long) => 7L,
            _ when type == typeof(bool) => true,
            _ when type == typeof(double) => 0.5,
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            _ when type.IsEnum => Enum.GetValues(type).GetValue(1),
            _ when type == typeof(IDictionary<string, string>) => new Dictionary<string, string> { ["k"] = "v" },
            _ when type == typeof(IDictionary<string, object>) => new Dictionary<string, object> { ["k"] = "v", ["n"] = 3L },
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>) => FillList(type, depth),
            _ when type.Namespace == "k8s.Models" => new k8s.Models.V1ObjectMeta { Name = "full", NamespaceProperty = "ns" },
            _ => FillObject(type, depth),
        };
    }

    private static IList FillList(Type listType, int depth)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(listType.GetGenericArguments()))!;
        list.Add(Fill(listType.GetGenericArguments()[0], depth + 1));
        return list;
    }

    private static object FillObject(Type type, int depth)
    {
        Assert.True(depth < 12, $"{type.Name} nests too deep");
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in SchemaBuilder.SerializedProperties(type))
        {
            property.SetValue(instance, property.Name == "Kind" ? property.GetValue(instance) : Fill(property.PropertyType, depth + 1));
        }

        return instance;
    }

    private static int CountLeaves(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Sum(pair => CountLeaves(pair.Value)),
        JsonArray array => array.Sum(CountLeaves),
        _ => 1,
    };

    private static int CountProperties(Type type, HashSet<Type> path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType)
        {
            return type.GetGenericArguments().Last() is var item && item.IsClass && item != typeof(string) && item != typeof(object)
                ? CountProperties(item, path)
                : 1;
        }

        if (!type.IsClass || type == typeof(string) || !path.Add(type))
        {
            return 1;
        }

        var count = SchemaBuilder.SerializedProperties(type).Sum(property => CountProperties(property.PropertyType, path));
        path.Remove(type);
        return count;
    }
}

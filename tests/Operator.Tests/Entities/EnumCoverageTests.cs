using System.Reflection;
using EcsOperator.Crds;
using EcsOperator.Entities;
using EcsOperator.Entities.Schema;
using k8s.Models;
using Xunit;

namespace EcsOperator.Tests.Entities;

/// <summary>The CRD enums are botocore's enums, value for value (LaunchType includes MANAGED_INSTANCES, and so on).</summary>
public sealed class EnumCoverageTests
{
    public static TheoryData<string> AwsEnumTypes => new(AwsEnums().Select(type => type.Name));

    [Theory]
    [MemberData(nameof(AwsEnumTypes))]
    public async Task Enum_class_has_exactly_the_botocore_values(string typeName)
    {
        var type = AwsEnums().Single(candidate => candidate.Name == typeName);
        var mirror = type.GetCustomAttribute<AwsEnumAttribute>()!;
        var model = await BotocoreModel.LoadAsync(mirror.Service);

        Assert.Equal(model.EnumValues(mirror.Shape).Order(), EnumValuesAttribute.ValuesOf(type).Order());
    }

    [Fact]
    public async Task Every_enum_in_the_generated_crds_equals_its_botocore_enum()
    {
        var crds = CrdWriter.Build().ToDictionary(crd => crd.Spec.Names.Kind);
        var checkedEnums = 0;
        foreach (var kind in EntityKinds.All)
        {
            var schema = crds[kind.GetCustomAttribute<KubernetesEntityAttribute>()!.Kind].Spec.Versions[0].Schema.OpenAPIV3Schema;
            foreach (var (path, node, valuesType) in EnumNodes(schema.Properties["spec"], kind.GetProperty("Spec")!.PropertyType, "spec"))
            {
                if (valuesType.GetCustomAttribute<AwsEnumAttribute>() is not { } mirror)
                {
                    continue;
                }

                var model = await BotocoreModel.LoadAsync(mirror.Service);
                Assert.True(
                    model.EnumValues(mirror.Shape).Order().SequenceEqual(node.EnumProperty!.Cast<string>().Order()),
                    $"{kind.Name} {path}: the CRD enum differs from botocore {mirror.Shape}");
                checkedEnums++;
            }
        }

        Assert.True(checkedEnums > 40, $"only {checkedEnums} enums were found in the CRDs; the walk is broken");
    }

    [Fact]
    public void Service_launchType_accepts_MANAGED_INSTANCES()
    {
        var service = CrdWriter.Build().Single(crd => crd.Spec.Names.Kind == "Service");

        var launchType = service.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"].Properties["launchType"];

        Assert.Contains("MANAGED_INSTANCES", launchType.EnumProperty!.Cast<string>());
    }

    private static IEnumerable<Type> AwsEnums() =>
        typeof(EntityGroup).Assembly.GetTypes().Where(type => type.IsDefined(typeof(AwsEnumAttribute))).OrderBy(type => type.Name);

    /// <summary>Pairs each [EnumValues] property of the C# tree with its node in the generated schema.</summary>
    private static IEnumerable<(string Path, V1JSONSchemaProps Node, Type ValuesType)> EnumNodes(
        V1JSONSchemaProps schema, Type type, string path)
    {
        foreach (var property in SchemaBuilder.SerializedProperties(type))
        {
            var name = SchemaBuilder.JsonName(property);
            var node = schema.Properties[name];
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (property.GetCustomAttribute<EnumValuesAttribute>() is { } values)
            {
                yield return ($"{path}.{name}", node.Items as V1JSONSchemaProps ?? node, values.ValuesType);
            }
            else if (node.Type == "object" && node.Properties is not null)
            {
                foreach (var nested in EnumNodes(node, propertyType, $"{path}.{name}"))
                {
                    yield return nested;
                }
            }
            else if (node is { Type: "array", Items: V1JSONSchemaProps { Properties: not null } items })
            {
                foreach (var nested in EnumNodes(items, propertyType.GetGenericArguments()[0], $"{path}.{name}[]"))
                {
                    yield return nested;
                }
            }
        }
    }
}

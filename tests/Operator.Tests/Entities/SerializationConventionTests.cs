using System.Reflection;
using System.Text.Json.Nodes;
using EcsOperator.Crds;
using EcsOperator.Entities;
using EcsOperator.Entities.Schema;
using k8s;
using Xunit;
using YamlDotNet.Serialization.NamingConventions;

namespace EcsOperator.Tests.Entities;

/// <summary>The wire names and the "absent stays absent" promise of the entity types.</summary>
public sealed class SerializationConventionTests
{
    [Fact]
    public void Yaml_and_json_agree_on_every_property_name()
    {
        // KubernetesYaml honours [JsonPropertyName] only for its own models and camel-cases ours, so the
        // C# names must camel-case to the ECS names exactly (enableECSManagedTags, sizeInGiB, ...).
        var mismatches = AllEntityTypes()
            .SelectMany(SchemaBuilder.SerializedProperties)
            .Distinct()
            .Where(property => CamelCaseNamingConvention.Instance.Apply(property.Name) != SchemaBuilder.JsonName(property))
            .Select(property => $"{property.DeclaringType!.Name}.{property.Name} -> {SchemaBuilder.JsonName(property)}")
            .ToList();

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public void An_object_with_only_required_fields_serializes_without_invented_defaults()
    {
        var service = new V1alpha1Service
        {
            Metadata = new() { Name = "web" },
            Spec = new ServiceSpec { ClusterRef = new() { Name = "demo" }, TaskDefinition = "web:3" },
        };

        var spec = JsonNode.Parse(KubernetesJson.Serialize(service))!["spec"]!.AsObject();

        Assert.Equal(["clusterRef", "taskDefinition"], spec.Select(pair => pair.Key).Order());
    }

    [Fact]
    public void Deletion_policy_is_written_as_its_name_in_json_and_yaml()
    {
        var cluster = new V1alpha1Cluster { Metadata = new() { Name = "demo" }, Spec = { DeletionPolicy = DeletionPolicy.Retain } };

        var fromJson = KubernetesJson.Deserialize<V1alpha1Cluster>(KubernetesJson.Serialize(cluster));
        var fromYaml = KubernetesYaml.Deserialize<V1alpha1Cluster>(KubernetesYaml.Serialize(cluster));

        Assert.Contains("\"deletionPolicy\":\"Retain\"", KubernetesJson.Serialize(cluster), StringComparison.Ordinal);
        Assert.Equal(DeletionPolicy.Retain, fromJson.Spec.DeletionPolicy);
        Assert.Equal(DeletionPolicy.Retain, fromYaml.Spec.DeletionPolicy);
    }

    [Fact]
    public void Each_kind_carries_its_kind_and_api_version_from_construction()
    {
        Assert.Equal("Cluster", new V1alpha1Cluster().Kind);
        Assert.Equal("TaskDefinition", new V1alpha1TaskDefinition().Kind);
        Assert.Equal("Service", new V1alpha1Service().Kind);
        Assert.Equal("LoadBalancerBinding", new V1alpha1LoadBalancerBinding().Kind);
        Assert.All(EntityKinds.All, type => Assert.Equal("ecs.operator.dev/v1alpha1", ((IEcsResource)Activator.CreateInstance(type)!).ApiVersion));
    }

    private static HashSet<Type> AllEntityTypes()
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(EntityKinds.All);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var property in SchemaBuilder.SerializedProperties(type))
            {
                foreach (var candidate in Expand(property.PropertyType).Where(IsEntityType))
                {
                    pending.Push(candidate);
                }
            }
        }

        return seen;
    }

    private static IEnumerable<Type> Expand(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Expand) : [type];

    private static bool IsEntityType(Type type) =>
        type.IsClass && type.Assembly == typeof(EntityGroup).Assembly && type.GetCustomAttribute<AwsEnumAttribute>() is null;
}

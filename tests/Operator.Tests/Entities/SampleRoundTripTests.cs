using System.Reflection;
using System.Text.Json.Nodes;
using EcsOperator.Entities;
using EcsOperator.Testing;
using k8s;
using k8s.Models;
using Xunit;

namespace EcsOperator.Tests.Entities;

/// <summary>
/// Every manifest in config/samples reads into the entity types and writes back with no field lost or added,
/// through both KubernetesYaml and KubernetesJson, so the types can carry whatever users write.
/// </summary>
public sealed class SampleRoundTripTests
{
    private static readonly Dictionary<string, Type> TypeMap = EntityKinds.All.ToDictionary(
        type => EntityGroup.ApiVersion + "/" + type.GetCustomAttribute<KubernetesEntityAttribute>()!.Kind);

    public static TheoryData<string> SampleFiles => new(
        Directory.GetFiles(RepositoryRoot.Combine("config", "samples"), "*.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryRoot.Path, path))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Sample_round_trips_through_KubernetesYaml_with_no_field_lost(string sample)
    {
        var yaml = File.ReadAllText(RepositoryRoot.Combine(sample));
        var written = YamlTree.LoadAll(yaml);

        var objects = KubernetesYaml.LoadAllFromString(yaml, TypeMap, strict: true);

        Assert.Equal(written.Count, objects.Count);
        for (var i = 0; i < objects.Count; i++)
        {
            Assert.IsAssignableFrom<IEcsResource>(objects[i]);
            var reread = YamlTree.LoadAll(KubernetesYaml.Serialize(objects[i])).Single();
            JsonTrees.AssertSame(written[i], reread, $"{sample} document {i} (YAML)");
        }
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Sample_round_trips_through_KubernetesJson_with_no_field_lost(string sample)
    {
        foreach (var written in YamlTree.LoadAll(File.ReadAllText(RepositoryRoot.Combine(sample))))
        {
            var type = TypeMap[$"{written["apiVersion"]}/{written["kind"]}"];

            var entity = Deserialize(written.ToJsonString(), type);
            var reread = JsonNode.Parse(KubernetesJson.Serialize(entity))!.AsObject();

            JsonTrees.AssertSame(written, reread, $"{sample} {written["kind"]} (JSON)");
        }
    }

    [Fact]
    public void Samples_cover_every_kind_and_the_stack_holds_all_four()
    {
        var stack = YamlTree.LoadAll(File.ReadAllText(RepositoryRoot.Combine("config", "samples", "stack.yaml")));

        Assert.Equal(["Cluster", "TaskDefinition", "Service", "LoadBalancerBinding"], stack.Select(o => (string)o["kind"]!));
        Assert.Equal("web", (string)stack[2]["metadata"]!["name"]!);
        Assert.All(stack, o => Assert.Null(o["metadata"]!["namespace"]));
    }

    [Fact]
    public void Stack_objects_reference_each_other_by_name()
    {
        var stack = YamlTree.LoadAll(File.ReadAllText(RepositoryRoot.Combine("config", "samples", "stack.yaml")));
        string NameOf(string kind) => (string)stack.Single(o => (string)o["kind"]! == kind)["metadata"]!["name"]!;

        var service = stack.Single(o => (string)o["kind"]! == "Service")["spec"]!;
        var binding = stack.Single(o => (string)o["kind"]! == "LoadBalancerBinding")["spec"]!;

        Assert.Equal(NameOf("Cluster"), (string)service["clusterRef"]!["name"]!);
        Assert.Equal(NameOf("TaskDefinition"), (string)service["taskDefinitionRef"]!["name"]!);
        Assert.Equal(NameOf("Service"), (string)binding["serviceRef"]!["name"]!);
    }

    private static object Deserialize(string json, Type type) =>
        typeof(KubernetesJson).GetMethods()
            .Single(method => method.Name == nameof(KubernetesJson.Deserialize) && method.IsGenericMethod
                && method.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(string))
            .MakeGenericMethod(type)
            .Invoke(null, [json, null])!;
}

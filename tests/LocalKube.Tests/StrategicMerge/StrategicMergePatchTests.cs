using System.Text.Json.Nodes;
using LocalKube.StrategicMerge;
using Xunit;

namespace LocalKube.Tests.StrategicMerge;

public class StrategicMergePatchTests
{
    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    private static readonly JsonObject Deployment = Obj("""
        {"metadata":{"name":"op","labels":{"app":"op","tier":"x"},"finalizers":["a"]},
         "spec":{"replicas":1,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}},
          "template":{"spec":{"containers":[
            {"name":"manager","image":"op:1","ports":[{"containerPort":8080,"name":"metrics"}],"env":[{"name":"A","value":"1"}]},
            {"name":"sidecar","image":"side:1"}]}}}}
        """);

    [Fact]
    public void Containers_merge_by_name_and_keep_unpatched_siblings()
    {
        var patched = StrategicMergePatch.Apply(Deployment, Obj("""
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"manager"},{"name":"sidecar"}],
              "containers":[{"name":"manager","image":"op:2","env":[{"name":"B","value":"2"}]}]}}}}
            """));

        var containers = patched["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(2, containers.Count);
        Assert.Equal("op:2", containers[0]!["image"]!.GetValue<string>());
        Assert.Equal(2, containers[0]!["env"]!.AsArray().Count);
        Assert.Equal(8080, containers[0]!["ports"]![0]!["containerPort"]!.GetValue<int>());
        Assert.Equal("side:1", containers[1]!["image"]!.GetValue<string>());
    }

    [Fact]
    public void Null_removes_a_key_and_patch_delete_removes_a_list_item()
    {
        var patched = StrategicMergePatch.Apply(Deployment, Obj("""
            {"metadata":{"labels":{"tier":null}},"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}}
            """));

        Assert.False(patched["metadata"]!["labels"]!.AsObject().ContainsKey("tier"));
        Assert.Single(patched["spec"]!["template"]!["spec"]!["containers"]!.AsArray());
    }

    [Fact]
    public void Retain_keys_drops_fields_the_patch_does_not_keep()
    {
        var patched = StrategicMergePatch.Apply(Deployment, Obj("""
            {"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}
            """));

        Assert.Equal("""{"type":"Recreate"}""", patched["spec"]!["strategy"]!.ToJsonString());
    }

    [Fact]
    public void Lists_without_a_merge_key_are_replaced_and_finalizers_merge_as_a_set()
    {
        var current = Obj("""{"metadata":{"finalizers":["a"]},"rules":[{"verbs":["get"]},{"verbs":["list"]}]}""");

        var patched = StrategicMergePatch.Apply(current, Obj("""{"metadata":{"finalizers":["b"]},"rules":[{"verbs":["watch"]}]}"""));

        Assert.Equal("""["a","b"]""", patched["metadata"]!["finalizers"]!.ToJsonString());
        Assert.Equal("""[{"verbs":["watch"]}]""", patched["rules"]!.ToJsonString());
    }

    [Fact]
    public void Delete_from_primitive_list_removes_values()
    {
        var patched = StrategicMergePatch.Apply(Obj("""{"metadata":{"finalizers":["a","b"]}}"""), Obj("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}"""));

        Assert.Equal("""["b"]""", patched["metadata"]!["finalizers"]!.ToJsonString());
    }
}

using System.Text.Json.Nodes;
using EcsOperator.Testing;
using LocalKube.Extensibility;
using LocalKube.Patch;
using LocalKube.Registry;
using LocalKube.Selectors;
using LocalKube.Server;
using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>The pure pieces: selector parsing and the two built-in patch formats.</summary>
public sealed class SelectorAndPatchCoreTests
{
    [Theory]
    [MemberData(nameof(LabelSelectorCases.Matching), MemberType = typeof(LabelSelectorCases))]
    public void Label_selectors_match_like_kube_apiserver(string selector, bool matches)
    {
        var labels = new JsonObject(LabelSelectorCases.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
        var obj = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = labels } };

        Assert.Equal(matches, LabelSelector.Parse(selector).Matches(obj));
    }

    [Theory]
    [MemberData(nameof(LabelSelectorCases.Malformed), MemberType = typeof(LabelSelectorCases))]
    public void A_malformed_label_selector_is_a_400(string selector)
    {
        var error = Assert.Throws<ApiException>(() => LabelSelector.Parse(selector));

        Assert.Equal(400, error.Code);
    }

    [Fact]
    public void Merge_patch_merges_objects_replaces_lists_and_deletes_nulls()
    {
        var merged = MergePatch.Merge(
            JsonNode.Parse("""{"a":{"b":1,"c":2},"list":[1,2],"gone":true}"""),
            JsonNode.Parse("""{"a":{"c":3},"list":[9],"gone":null}"""));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":{"b":1,"c":3},"list":[9]}"""), merged));
    }

    [Fact]
    public void Json_patch_supports_add_remove_replace_move_copy_and_test()
    {
        var result = new JsonPatch().Apply(Context(
            """{"spec":{"a":1,"list":["x"]}}""",
            """
            [{"op":"test","path":"/spec/a","value":1},
             {"op":"add","path":"/spec/list/-","value":"y"},
             {"op":"replace","path":"/spec/a","value":2},
             {"op":"copy","from":"/spec/a","path":"/spec/b"},
             {"op":"move","from":"/spec/b","path":"/spec/c"},
             {"op":"remove","path":"/spec/list/0"}]
            """));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"spec":{"a":2,"list":["y"],"c":2}}"""), result));
    }

    [Fact]
    public void A_failing_json_patch_test_operation_is_rejected()
    {
        var error = Assert.Throws<ApiException>(() => new JsonPatch().Apply(Context("""{"a":1}""", """[{"op":"test","path":"/a","value":2}]""")));

        Assert.Equal(422, error.Code);
    }

    [Fact]
    public void An_unknown_patch_type_is_415()
    {
        var error = Assert.Throws<ApiException>(() => new PatchHandlers().For("application/strategic-merge-patch+json"));

        Assert.Equal(415, error.Code);
    }

    private static PatchContext Context(string current, string body) => new()
    {
        Type = BuiltInTypes.Namespace,
        Name = "x",
        Namespace = string.Empty,
        Current = JsonNode.Parse(current)!.AsObject(),
        Body = body,
    };
}

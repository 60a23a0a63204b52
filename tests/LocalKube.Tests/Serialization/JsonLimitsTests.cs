using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalKube.Patch;
using LocalKube.Serialization;
using Xunit;

namespace LocalKube.Tests.Serialization;

public sealed class JsonLimitsTests
{
    private static string Nest(int depth) => new StringBuilder().Insert(0, "{\"a\":", depth).Append('1').Append('}', depth).ToString();

    [Fact]
    public void Bodies_nest_up_to_10000_levels_and_write_back_unchanged()
    {
        var text = Nest(JsonLimits.MaxDepth);

        var node = JsonLimits.Parse(text)!;

        Assert.Equal(text, JsonLimits.Write(node));
        Assert.Equal(text, JsonLimits.Write(node.DeepClone()));
    }

    [Fact]
    public void One_level_more_is_gos_exceeded_max_depth()
    {
        var error = Assert.Throws<JsonException>(() => JsonLimits.Parse(Nest(JsonLimits.MaxDepth + 1)));

        Assert.Equal("exceeded max depth", error.Message);
    }

    [Fact]
    public void A_syntax_error_above_the_limit_keeps_its_own_message()
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonLimits.Parse("{\"a\": [1,}" + Nest(JsonLimits.MaxDepth + 1)));

        Assert.NotEqual("exceeded max depth", error.Message);
    }

    [Fact]
    public void Yaml_nested_past_the_limit_is_refused_while_it_is_parsed()
    {
        var error = Assert.Throws<YamlDotNet.Core.YamlException>(() => YamlJson.ParseAll("v: " + Nest(JsonLimits.MaxDepth)));

        Assert.Contains("exceeded max depth of 10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_too_deep_for_the_threads_stack_throws_instead_of_overflowing_it()
    {
        var target = JsonLimits.Parse(Nest(JsonLimits.MaxDepth))!;
        var patch = JsonLimits.Parse(Nest(JsonLimits.MaxDepth))!;
        Exception? caught = null;

        // A small stack stands in for a deeper walk than any real request makes: the guard must turn it into an
        // exception the dispatcher answers with a 400, where an overflow would end the process.
        var thread = new Thread(() => caught = Record.Exception(() => MergePatch.Merge(target, patch)), maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.IsType<InsufficientExecutionStackException>(caught);
    }

    [Fact]
    public void Parsed_roots_carry_options_so_deep_nodes_find_them_at_once()
    {
        var node = JsonLimits.Parse(Nest(3))!;

        Assert.NotNull(node.Options);
        Assert.NotNull(((JsonObject)YamlJson.ParseAll("a: {b: 1}")[0]).Options);
    }
}

using System.Text.Json.Nodes;
using LocalKube.Serialization;
using Xunit;

namespace LocalKube.Tests.Serialization;

public sealed class YamlJsonTests
{
    private static JsonNode? Value(string yaml) => YamlJson.ParseAll($"v: {yaml}")[0]["v"];

    [Theory]
    [InlineData("2", "2")]
    [InlineData("-7", "-7")]
    [InlineData("1.5", "1.5")]
    [InlineData("true", "true")]
    [InlineData("False", "false")]
    [InlineData("null", "null")]
    [InlineData("~", "null")]
    [InlineData("\"256\"", "\"256\"")]
    [InlineData("'true'", "\"true\"")]
    [InlineData("enabled", "\"enabled\"")]
    [InlineData("nginx:1.27", "\"nginx:1.27\"")]
    [InlineData("arn:aws:iam::123456789012:role/x", "\"arn:aws:iam::123456789012:role/x\"")]
    [InlineData("1.2.3", "\"1.2.3\"")]
    public void Plain_scalars_resolve_by_the_yaml_core_schema_and_quoted_ones_stay_strings(string yaml, string json)
    {
        Assert.Equal(json, Value(yaml)?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Mappings_and_sequences_nest()
    {
        var doc = YamlJson.ParseAll("a:\n  b: [1, x]\n  c: {d: e}\n")[0];

        Assert.Equal("""{"a":{"b":[1,"x"],"c":{"d":"e"}}}""", doc.ToJsonString());
    }

    [Fact]
    public void A_block_scalar_is_a_string_even_when_it_looks_like_a_number()
    {
        var doc = YamlJson.ParseAll("a: |\n  42\n")[0];

        Assert.Equal("42\n", (string?)doc["a"]);
    }

    [Fact]
    public void Empty_documents_are_skipped()
    {
        Assert.Equal(2, YamlJson.ParseAll("---\na: 1\n---\n---\n# only a comment\n---\nb: 2\n").Count);
    }

    [Fact]
    public void An_explicit_str_tag_keeps_a_number_lookalike_a_string()
    {
        Assert.Equal("\"42\"", Value("!!str 42")!.ToJsonString());
    }

    [Fact]
    public void A_mapping_key_that_is_not_a_scalar_is_a_yaml_error()
    {
        Assert.Throws<YamlDotNet.Core.YamlException>(() => YamlJson.ParseAll("? [a, b]\n: 1\n"));
    }
}

using System.Text.Json.Nodes;
using EcsOperator.Controllers.Shared;
using Xunit;

namespace EcsOperator.Tests.Controllers.Shared;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Key_order_does_not_change_the_hash()
    {
        Assert.Equal(
            CanonicalJson.Sha256(JsonNode.Parse("""{"a":1,"b":{"x":true,"y":"z"}}""")),
            CanonicalJson.Sha256(JsonNode.Parse("""{"b":{"y":"z","x":true},"a":1}""")));
    }

    [Theory]
    [InlineData("""{"a":1,"list":[]}""")]
    [InlineData("""{"a":1,"list":null}""")]
    [InlineData("""{"a":1,"obj":{}}""")]
    [InlineData("""{"a":1,"obj":{"inner":[]}}""")]
    public void Empty_and_null_values_hash_like_absent_ones(string json)
    {
        Assert.Equal(CanonicalJson.Sha256(JsonNode.Parse("""{"a":1}""")), CanonicalJson.Sha256(JsonNode.Parse(json)));
    }

    [Fact]
    public void Array_order_is_significant()
    {
        Assert.NotEqual(
            CanonicalJson.Sha256(JsonNode.Parse("""{"a":[1,2]}""")),
            CanonicalJson.Sha256(JsonNode.Parse("""{"a":[2,1]}""")));
    }

    [Fact]
    public void False_and_zero_are_kept()
    {
        Assert.NotEqual(
            CanonicalJson.Sha256(JsonNode.Parse("""{"a":1}""")),
            CanonicalJson.Sha256(JsonNode.Parse("""{"a":1,"essential":false}""")));
    }
}

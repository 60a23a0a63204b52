using System.Text.Json.Nodes;
using Xunit;

namespace EcsOperator.Tests.Entities;

/// <summary>Compares what a user wrote with what the types wrote back, as JSON trees.</summary>
internal static class JsonTrees
{
    /// <summary>
    /// Asserts equal trees. A status the input did not have is ignored on the output side: the entity
    /// types always carry a status object (the operator's), and the API server drops it on spec writes anyway.
    /// </summary>
    public static void AssertSame(JsonObject written, JsonObject reread, string what)
    {
        var expected = Normalize(written);
        var actual = Normalize(reread);
        if (!expected.ContainsKey("status"))
        {
            actual.Remove("status");
        }

        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"{what} changed on the round trip.\nwritten: {expected.ToJsonString()}\nreread:  {actual.ToJsonString()}");
    }

    private static JsonObject Normalize(JsonObject node) => JsonNode.Parse(node.ToJsonString())!.AsObject();
}

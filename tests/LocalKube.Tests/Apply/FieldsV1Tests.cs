using System.Text.Json.Nodes;
using LocalKube.Apply;
using Xunit;

namespace LocalKube.Tests.Apply;

public class FieldsV1Tests
{
    [Fact]
    public void Entries_written_by_a_real_server_read_keyed_list_items_as_ownership_of_the_list()
    {
        var fields = JsonNode.Parse("""
            {"f:metadata":{"f:labels":{".":{},"f:app":{}}},
             "f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{}}}}},"f:replicas":{}}}
            """)!.AsObject();

        var set = FieldsV1.Parse(fields);

        Assert.True(set.Contains(["metadata", "labels", "app"]));
        Assert.True(set.Contains(["metadata", "labels"]));
        Assert.True(set.Contains(["spec", "template", "spec", "containers"]));
        Assert.True(set.Contains(["spec", "replicas"]));
        Assert.False(set.Contains(["spec"]));
    }

    [Fact]
    public void Sets_round_trip_through_fieldsV1()
    {
        var set = new FieldSet();
        set.Add(["spec", "desiredCount"]);
        set.Add(["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"]);

        var json = FieldsV1.From(set);

        Assert.Equal(
            """{"f:metadata":{"f:annotations":{"f:kubectl.kubernetes.io/last-applied-configuration":{}}},"f:spec":{"f:desiredCount":{}}}""",
            json.ToJsonString());
        Assert.Equal(2, FieldsV1.Parse(json).Count);
    }
}

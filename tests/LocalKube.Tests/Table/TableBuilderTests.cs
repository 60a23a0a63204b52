using System.Text.Json.Nodes;
using LocalKube.Table;
using Xunit;

namespace LocalKube.Tests.Table;

public class TableBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static JsonObject Service(string name, string ready) => JsonNode.Parse($$$"""
        {"apiVersion":"ecs.operator.dev/v1alpha1","kind":"Service","metadata":{"name":"{{{name}}}","creationTimestamp":"2026-01-02T02:59:05Z"},
         "spec":{"desiredCount":2},
         "status":{"conditions":[{"type":"Reconciling","status":"False"},{"type":"Ready","status":"{{{ready}}}"}]}}
        """)!.AsObject();

    [Fact]
    public void Printer_columns_evaluate_filters_counts_and_ages()
    {
        TableColumn[] printer =
        [
            new("Ready", "string", string.Empty, "ready", 0, ".status.conditions[?(@.type==\"Ready\")].status"),
            new("Desired", "integer", string.Empty, "desired", 1, ".spec.desiredCount"),
            new("Age", "date", string.Empty, "age", 0, ".metadata.creationTimestamp"),
        ];

        var table = TableBuilder.Build([Service("web", "True")], TableColumn.For("ecs.operator.dev", "Service", printer), IncludeObject.Object, null, Now);

        var cells = table["rows"]![0]!["cells"]!.AsArray();
        Assert.Equal("web", cells[0]!.GetValue<string>());
        Assert.Equal("True", cells[1]!.GetValue<string>());
        Assert.Equal(2, cells[2]!.GetValue<long>());
        Assert.Equal("5m", cells[3]!.GetValue<string>());
        Assert.Equal("Service", table["rows"]![0]!["object"]!["kind"]!.GetValue<string>());
        Assert.Equal(["Name", "Ready", "Desired", "Age"], table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Missing_values_are_null_cells_and_metadata_rows_hold_partial_objects()
    {
        TableColumn[] printer = [new("Arn", "string", string.Empty, "arn", 0, ".status.arn")];

        var table = TableBuilder.Build([Service("web", "False")], TableColumn.For("g", "Service", printer), IncludeObject.Metadata, null, Now);

        Assert.Null(table["rows"]![0]!["cells"]![1]);
        Assert.Equal("PartialObjectMetadata", table["rows"]![0]!["object"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void Types_without_printer_columns_show_name_and_age()
    {
        var columns = TableColumn.For(string.Empty, "ConfigMap", []);

        Assert.Equal(["Name", "Age"], columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData(30, "30s")]
    [InlineData(150, "2m30s")]
    [InlineData(3600 * 5 + 60 * 7, "5h7m")]
    [InlineData(3600 * 24 * 3, "3d")]
    public void Ages_read_like_kubectl(int seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Accept_header_detection_matches_what_kubectl_sends()
    {
        Assert.True(TableBuilder.IsTableRequest("application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"));
        Assert.False(TableBuilder.IsTableRequest("application/json"));
    }

    [Fact]
    public void JsonPath_handles_indexes_wildcards_and_quoted_members()
    {
        var obj = JsonNode.Parse("""{"a":{"b.c":[{"x":1},{"x":2}]}}""");

        Assert.Equal(2, SimpleJsonPath.Parse("{.a['b.c'][1].x}").First(obj)!.GetValue<int>());
        Assert.Equal(2, SimpleJsonPath.Parse(".a['b.c'][*].x").Evaluate(obj).Count);
        Assert.Null(SimpleJsonPath.Parse(".a.missing").First(obj));
    }
}

public class EventTableTests
{
    [Fact]
    public void Events_list_like_kubectl_get_events()
    {
        var ev = System.Text.Json.Nodes.JsonNode.Parse("""
            {"metadata":{"name":"web.1"},"type":"Warning","reason":"DriftCorrected","message":"desiredCount reverted",
             "involvedObject":{"kind":"Service","name":"web"},"lastTimestamp":"2026-01-02T03:00:05Z"}
            """)!.AsObject();

        var table = TableBuilder.Build([ev], TableColumn.For(string.Empty, "Event", []), IncludeObject.None, null, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

        var cells = table["rows"]![0]!["cells"]!.AsArray().Select(c => c!.ToString()).ToArray();
        Assert.Equal(["4m", "Warning", "DriftCorrected", "web", "desiredCount reverted", "web.1"], cells);
    }
}

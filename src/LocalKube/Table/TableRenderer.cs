using System.Text.Json.Nodes;
using LocalKube.Extensibility;

namespace LocalKube.Table;

/// <summary>Answers kubectl get's Table requests from the type's printer columns (or Name and Age).</summary>
public sealed class TableRenderer(TimeProvider time) : ITableRenderer
{
    public JsonObject Render(TableRequest request)
    {
        var printer = request.Type.PrinterColumns.Select(c =>
            new TableColumn(c.Name, c.Type, c.Format ?? string.Empty, c.Description ?? string.Empty, c.Priority, c.JsonPath));
        var columns = TableColumn.For(request.Type.Group, request.Type.Kind, printer);
        var objects = request.List is { } list
            ? (list["items"] as JsonArray ?? []).OfType<JsonObject>()
            : request.Object is { } single ? [single] : [];
        var listMetadata = request.List?["metadata"] as JsonObject;
        var table = TableBuilder.Build(objects, columns, IncludeObjects.Parse(request.IncludeObject), listMetadata, time.GetUtcNow());
        table["apiVersion"] = request.ApiVersion;
        if (request.List is null && request.Object?["metadata"]?["resourceVersion"] is { } rv)
        {
            table["metadata"] = new JsonObject { ["resourceVersion"] = rv.DeepClone() };
        }

        return table;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using LocalKube.Serialization;

namespace LocalKube.Table;

/// <summary>
/// Builds the meta.k8s.io/v1 Table kubectl asks for with <c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io</c>:
/// the column definitions, one row per object with cells evaluated as the apiextensions table convertor does,
/// and the object (or its metadata) in each row.
/// </summary>
public static class TableBuilder
{
    /// <summary>True when an Accept header asks for a meta.k8s.io Table.</summary>
    public static bool IsTableRequest(string? accept) =>
        accept is not null && accept.Split(',').Any(part =>
            part.Contains("as=Table", StringComparison.Ordinal) && part.Contains("g=meta.k8s.io", StringComparison.Ordinal));

    public static JsonObject Build(
        IEnumerable<JsonObject> objects,
        IReadOnlyList<TableColumn> columns,
        IncludeObject include,
        JsonObject? listMetadata,
        DateTimeOffset now)
    {
        var paths = columns.Select(c => c.JsonPath is null ? null : SimpleJsonPath.Parse(c.JsonPath)).ToList();
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var cells = new JsonArray();
            for (var i = 0; i < columns.Count; i++)
            {
                cells.Add(paths[i] is { } path ? Cell(columns[i].Type, path.First(obj), now) : obj["metadata"]?["name"]?.DeepClone());
            }

            var row = new JsonObject { ["cells"] = cells };
            if (RowObject(obj, include) is { } rowObject)
            {
                row["object"] = rowObject;
            }

            rows.Add(row);
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = listMetadata?.DeepClone() ?? new JsonObject(),
            ["columnDefinitions"] = new JsonArray(columns.Select(Definition).ToArray()),
            ["rows"] = rows,
        };
    }

    private static JsonNode Definition(TableColumn c) => new JsonObject
    {
        ["name"] = c.Name,
        ["type"] = c.Type,
        ["format"] = c.Format,
        ["description"] = c.Description,
        ["priority"] = c.Priority,
    };

    private static JsonObject? RowObject(JsonObject obj, IncludeObject include) => include switch
    {
        IncludeObject.Object => (JsonObject)obj.DeepClone(),
        IncludeObject.Metadata => new JsonObject
        {
            ["kind"] = "PartialObjectMetadata",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = obj["metadata"]?.DeepClone() ?? new JsonObject(),
        },
        _ => null,
    };

    /// <summary>A cell as the apiserver types it: strings printed, numbers and booleans native, dates as ages.</summary>
    private static JsonNode? Cell(string type, JsonNode? value, DateTimeOffset now)
    {
        if (value is null)
        {
            return null;
        }

        var text = Validation.JsonNumbers.TryGetString(value, out var s) ? s : null;
        return type switch
        {
            "date" => text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                ? HumanDuration.Format(now - t)
                : "<invalid>",
            "integer" => Validation.JsonNumbers.TryGetDouble(value, out var d) ? (long)d : null,
            "number" => Validation.JsonNumbers.TryGetDouble(value, out var n) ? n : null,
            "boolean" => Validation.JsonNumbers.TryGetBool(value, out var b) ? b : null,
            _ => text ?? JsonLimits.Write(value),
        };
    }
}

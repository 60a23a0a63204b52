using System.Text.Json.Nodes;

namespace LocalKube.Registry;

/// <summary>
/// events.k8s.io/v1 Event ⇄ core/v1 Event, field by field as kube-apiserver converts them, so that events an operator
/// records through EventsV1 show up in <c>kubectl get events</c> and <c>kubectl describe</c>.
/// </summary>
public sealed class EventConversion : IStorageConversion
{
    public static EventConversion Instance { get; } = new();

    // (events.k8s.io/v1 name, core/v1 name) for fields that only change their name.
    private static readonly (string V1, string Core)[] Renamed =
    [
        ("regarding", "involvedObject"),
        ("note", "message"),
        ("reportingController", "reportingComponent"),
        ("deprecatedSource", "source"),
        ("deprecatedFirstTimestamp", "firstTimestamp"),
        ("deprecatedLastTimestamp", "lastTimestamp"),
        ("deprecatedCount", "count"),
    ];

    private static readonly string[] Shared = ["metadata", "eventTime", "series", "reason", "type", "action", "related", "reportingInstance"];

    public JsonObject ToStorage(JsonObject obj)
    {
        var core = Copy(obj, "v1", Shared.Select(f => (f, f)).Concat(Renamed.Select(r => (r.V1, r.Core))));
        if (core["source"] is null && (obj["reportingController"] is not null || obj["reportingInstance"] is not null))
        {
            core["source"] = new JsonObject { ["component"] = obj["reportingController"]?.DeepClone(), ["host"] = obj["reportingInstance"]?.DeepClone() };
        }

        return core;
    }

    public JsonObject FromStorage(JsonObject stored)
    {
        var v1 = Copy(stored, "events.k8s.io/v1", Shared.Select(f => (f, f)).Concat(Renamed.Select(r => (r.Core, r.V1))));
        v1["reportingController"] ??= stored["source"]?["component"]?.DeepClone();
        v1["reportingInstance"] ??= stored["source"]?["host"]?.DeepClone();
        return v1;
    }

    private static JsonObject Copy(JsonObject from, string apiVersion, IEnumerable<(string From, string To)> fields)
    {
        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = "Event" };
        foreach (var (source, target) in fields)
        {
            if (from[source] is { } value)
            {
                result[target] = value.DeepClone();
            }
        }

        return result;
    }
}

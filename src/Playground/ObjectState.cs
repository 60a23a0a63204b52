using System.Globalization;
using System.Text.Json.Nodes;
using EcsOperator.Entities;
using LocalKube.Table;

namespace EcsOperator.Playground;

/// <summary>One kstatus condition as the table shows it.</summary>
public sealed record ConditionView(string Type, string Status, string Reason, string Message);

/// <summary>
/// What the live table shows for one object, read from its status. Ready means what kstatus (and so
/// <c>kubectl wait</c>, Flux and Argo CD) means by it: the Ready condition is True and the status describes
/// the current generation of the spec.
/// <see cref="Details"/> holds the kind's printer columns ("Desired=2 Running=1 Rollout=IN_PROGRESS"), so that a
/// Service's rollout shows as it happens, with no code per kind.
/// </summary>
public sealed record ObjectState(string Kind, string Name, string ReadyStatus, string Reason, string Message, bool IsReady, IReadOnlyList<ConditionView> Conditions, string Details = "")
{
    public static ObjectState NotFound(AppliedObject applied) =>
        new(applied.Resource.Kind, applied.Name, "-", "NotFound", "the object is gone from the API server", false, []);

    public static ObjectState From(AppliedObject applied, JsonNode obj)
    {
        var conditions = (obj["status"]?["conditions"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(c => new ConditionView(Text(c["type"]), Text(c["status"]), Text(c["reason"]), Text(c["message"])))
            .ToList();
        var generation = obj["metadata"]?["generation"]?.GetValue<long>();
        var observed = obj["status"]?["observedGeneration"]?.GetValue<long>();
        var ready = conditions.FirstOrDefault(c => c.Type == ConditionTypes.Ready);
        var stalled = conditions.FirstOrDefault(c => c.Type == ConditionTypes.Stalled && c.Status == ConditionStatus.True);
        var isCurrent = generation is null || observed == generation;
        var shown = stalled ?? ready;
        var message = isCurrent || ready is null
            ? shown?.Message ?? "waiting for the operator's first status"
            : $"status describes generation {observed?.ToString(CultureInfo.InvariantCulture) ?? "none"}, the spec is at {generation}";
        return new ObjectState(
            applied.Resource.Kind,
            applied.Name,
            ready?.Status ?? "-",
            shown?.Reason ?? string.Empty,
            message,
            ready?.Status == ConditionStatus.True && isCurrent,
            conditions,
            RenderColumns(applied.Resource.Columns, obj));
    }

    /// <summary>Every condition on one line, for the failure report after --timeout.</summary>
    public string DescribeConditions() => Conditions.Count == 0
        ? $"{Kind}/{Name}: no conditions yet ({Message})"
        : $"{Kind}/{Name}: " + string.Join("; ", Conditions.Select(c => $"{c.Type}={c.Status} {c.Reason}: {c.Message}".TrimEnd(' ', ':')));

    /// <summary>"Name=value" for each printer column that has a value yet, as <c>kubectl get</c> would show it.</summary>
    private static string RenderColumns(IReadOnlyList<StatusColumn> columns, JsonNode obj) => string.Join(' ', columns
        .Select(c => (c.Name, Value: SimpleJsonPath.Parse(c.JsonPath).First(obj)))
        .Where(c => c.Value is JsonValue)
        .Select(c => $"{c.Name.Replace(' ', '-')}={c.Value!.ToString()}"));

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : string.Empty;
}

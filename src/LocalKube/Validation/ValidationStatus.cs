using System.Text.Json.Nodes;

namespace LocalKube.Validation;

/// <summary>
/// The Kubernetes Status objects a failed validation returns, shaped as apimachinery's NewInvalid and
/// NewBadRequest build them, so that kubectl prints its usual texts (it formats Invalid from details.causes).
/// </summary>
public static class ValidationStatus
{
    /// <summary>422 Invalid: message "Service.ecs.operator.dev \"web\" is invalid: spec.x: ...".</summary>
    public static JsonObject Invalid(string group, string kind, string name, IReadOnlyList<FieldError> errors)
    {
        var qualifiedKind = group.Length == 0 ? kind : $"{kind}.{group}";
        var distinct = errors.Select(e => e.ToString()).Distinct().ToList();
        var aggregate = distinct.Count == 1 ? distinct[0] : $"[{string.Join(", ", distinct)}]";
        var message = distinct.Count == 0
            ? $"{qualifiedKind} {GoFormat.Quote(name)} is invalid"
            : $"{qualifiedKind} {GoFormat.Quote(name)} is invalid: {aggregate}";
        var causes = new JsonArray(errors.Select(e => (JsonNode)new JsonObject
        {
            ["reason"] = e.CauseType,
            ["message"] = e.ErrorBody(),
            ["field"] = e.Field,
        }).ToArray());
        var details = new JsonObject { ["name"] = name, ["group"] = group, ["kind"] = kind, ["causes"] = causes };
        return Failure(422, "Invalid", message, details);
    }

    /// <summary>400 BadRequest for fieldValidation=Strict with undeclared fields, as the strict decoder words it.</summary>
    public static JsonObject StrictUnknownFields(string kind, string version, IReadOnlyList<string> unknownFields)
    {
        var fields = string.Join(", ", unknownFields.Select(f => $"unknown field {GoFormat.Quote(f)}"));
        var message = $"{kind} in version {GoFormat.Quote(version)} cannot be handled as a {kind}: strict decoding error: {fields}";
        return Failure(400, "BadRequest", message, null);
    }

    public static JsonObject Failure(int code, string reason, string message, JsonObject? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details;
        }

        status["code"] = code;
        return status;
    }
}

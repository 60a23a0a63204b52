using System.Text.Json.Nodes;
using LocalKube.Extensibility;
using LocalKube.Registry;

namespace LocalKube.Server;

/// <summary>Builds meta/v1 Status objects shaped exactly like kube-apiserver's, so that clients print the usual messages.</summary>
public static class Statuses
{
    public static string Message(JsonObject status) => status["message"]?.GetValue<string>() ?? string.Empty;

    public static JsonObject Failure(int code, string reason, string message, JsonObject? details = null)
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

    public static JsonObject Success(ResourceType type, string name, string? uid)
    {
        var details = Details(type, name);
        if (uid is not null)
        {
            details["uid"] = uid;
        }

        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    public static ApiException NotFound(ResourceType type, string name) =>
        new(Failure(404, "NotFound", $"{type.QualifiedResource} \"{name}\" not found", Details(type, name)));

    public static ApiException NotFoundPath(string path) =>
        new(Failure(404, "NotFound", "the server could not find the requested resource", new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "UnexpectedServerResponse", ["message"] = $"404 page not found: {path}" }) }));

    public static ApiException AlreadyExists(ResourceType type, string name) =>
        new(Failure(409, "AlreadyExists", $"{type.QualifiedResource} \"{name}\" already exists", Details(type, name)));

    public static ApiException Conflict(ResourceType type, string name, string why =
        "the object has been modified; please apply your changes to the latest version and try again") =>
        new(Failure(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedResource} \"{name}\": {why}", Details(type, name)));

    public static ApiException Invalid(ResourceType type, string name, IReadOnlyList<FieldCause> causes)
    {
        var parts = causes.Select(c => c.Field.Length == 0 ? c.Message : $"{c.Field}: {c.Message}").ToList();
        var summary = parts.Count == 1 ? parts[0] : $"[{string.Join(", ", parts)}]";
        var details = new JsonObject
        {
            ["name"] = name,
            ["group"] = type.Group,
            ["kind"] = type.Kind,
            ["causes"] = new JsonArray(causes.Select(c => (JsonNode?)new JsonObject
            {
                ["reason"] = c.Reason,
                ["message"] = c.Message,
                ["field"] = c.Field,
            }).ToArray()),
        };
        return new(Failure(422, "Invalid", $"{type.QualifiedKind} \"{name}\" is invalid: {summary}", details));
    }

    public static ApiException BadRequest(string message) => new(Failure(400, "BadRequest", message));

    public static ApiException Forbidden(ResourceType type, string name, string why) =>
        new(Failure(403, "Forbidden", $"{type.QualifiedResource} \"{name}\" is forbidden: {why}", Details(type, name)));

    public static ApiException MethodNotAllowed(string method) =>
        new(Failure(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({method})"));

    public static ApiException Gone(string message) => new(Failure(410, "Expired", message));

    public static ApiException UnsupportedMediaType(string contentType, IEnumerable<string> accepted) =>
        new(Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", accepted)} (got {contentType})"));

    public static ApiException TooManyRequests(string message) => new(Failure(429, "TooManyRequests", message));

    public static JsonObject InternalError(string message) =>
        Failure(500, "InternalError", $"Internal error occurred: {message}", new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = message }) });

    public static JsonObject Details(ResourceType type, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (type.Group.Length > 0)
        {
            details["group"] = type.Group;
        }

        details["kind"] = type.Plural;
        return details;
    }
}

using System.Text.Json.Nodes;

namespace LocalKube.OpenApi;

/// <summary>
/// The operation parameters kubectl inspects. fieldValidation on POST, PUT and PATCH is what makes kubectl 1.32
/// send objects for server-side field validation instead of validating them itself against /openapi/v2.
/// </summary>
internal static class OpenApiParameters
{
    public static JsonNode Path(string name, string description) => new JsonObject
    {
        ["name"] = name,
        ["in"] = "path",
        ["description"] = description,
        ["required"] = true,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    public static JsonNode Query(string name, string type, string description) => new JsonObject
    {
        ["name"] = name,
        ["in"] = "query",
        ["description"] = description,
        ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
    };

    public static JsonArray ForWrite(bool isPatch)
    {
        var list = new JsonArray
        {
            Query("dryRun", "string", "When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed"),
            Query("fieldManager", "string", "fieldManager is a name associated with the actor or entity that is making these changes."),
            Query("fieldValidation", "string", "fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict"),
        };
        if (isPatch)
        {
            list.Add(Query("force", "boolean", "Force is going to \"force\" Apply requests. It means user will re-acquire conflicting fields owned by other people."));
        }

        return list;
    }

    public static JsonArray ForList() =>
    [
        Query("allowWatchBookmarks", "boolean", "allowWatchBookmarks requests watch events with type \"BOOKMARK\"."),
        Query("continue", "string", "The continue option should be set when retrieving more results from the server."),
        Query("fieldSelector", "string", "A selector to restrict the list of returned objects by their fields."),
        Query("labelSelector", "string", "A selector to restrict the list of returned objects by their labels."),
        Query("limit", "integer", "limit is a maximum number of responses to return for a list call."),
        Query("resourceVersion", "string", "resourceVersion sets a constraint on what resource versions a request may be served from."),
        Query("timeoutSeconds", "integer", "Timeout for the list/watch call."),
        Query("watch", "boolean", "Watch for changes to the described resources and return them as a stream of add, update, and remove notifications."),
    ];
}

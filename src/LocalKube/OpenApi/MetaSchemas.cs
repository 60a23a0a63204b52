using System.Text.Json.Nodes;

namespace LocalKube.OpenApi;

/// <summary>The meta.k8s.io/v1 component schemas every group-version document refers to (abridged to what explain shows).</summary>
internal static class MetaSchemas
{
    public static IEnumerable<(string Name, JsonObject Schema)> All()
    {
        yield return (SchemaNames.ObjectMeta, Object(
            "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
            ("annotations", StringMap("Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata.")),
            ("creationTimestamp", Str("CreationTimestamp is a timestamp representing the server time when this object was created.", "date-time")),
            ("deletionTimestamp", Str("DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted.", "date-time")),
            ("finalizers", StringList("Must be empty before the object is deleted from the registry.")),
            ("generateName", Str("GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.")),
            ("generation", Int("A sequence number representing a specific generation of the desired state.")),
            ("labels", StringMap("Map of string keys and values that can be used to organize and categorize (scope and select) objects.")),
            ("managedFields", new JsonObject { ["type"] = "array", ["description"] = "ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow.", ["items"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true } }),
            ("name", Str("Name must be unique within a namespace.")),
            ("namespace", Str("Namespace defines the space within which each name must be unique.")),
            ("ownerReferences", new JsonObject { ["type"] = "array", ["description"] = "List of objects depended by this object.", ["items"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true } }),
            ("resourceVersion", Str("An opaque value that represents the internal version of this object.")),
            ("uid", Str("UID is the unique in time and space value for this object."))));
        yield return (SchemaNames.ListMeta, Object(
            "ListMeta describes metadata that synthetic resources must have, including lists and various status objects.",
            ("continue", Str("continue may be set if the user set a limit on the number of items returned.")),
            ("remainingItemCount", Int("remainingItemCount is the number of subsequent items in the list which are not included in this list response.")),
            ("resourceVersion", Str("String that identifies the server's internal version of this object."))));
        yield return (SchemaNames.Status, Object(
            "Status is a return value for calls that don't return other objects.",
            ("apiVersion", Str(ApiVersionDescription)),
            ("code", Int("Suggested HTTP return code for this status, 0 if not set.")),
            ("kind", Str(KindDescription)),
            ("message", Str("A human-readable description of the status of this operation.")),
            ("reason", Str("A machine-readable description of why this operation is in the \"Failure\" status.")),
            ("status", Str("Status of the operation. One of: \"Success\" or \"Failure\"."))));
        yield return (SchemaNames.DeleteOptions, Object(
            "DeleteOptions may be provided when deleting an API object.",
            ("gracePeriodSeconds", Int("The duration in seconds before the object should be deleted.")),
            ("propagationPolicy", Str("Whether and how garbage collection will be performed."))));
        yield return (SchemaNames.Patch, new JsonObject { ["type"] = "object", ["description"] = "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body." });
    }

    public const string ApiVersionDescription = "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";

    public const string KindDescription = "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";

    public const string MetadataDescription = "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    public static JsonObject Str(string description, string? format = null)
    {
        var s = new JsonObject { ["type"] = "string", ["description"] = description };
        if (format is not null)
        {
            s["format"] = format;
        }

        return s;
    }

    public static JsonObject Ref(string name, string description) => new()
    {
        ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = SchemaNames.Ref(name) }),
        ["description"] = description,
    };

    private static JsonObject Int(string description) => new() { ["type"] = "integer", ["format"] = "int64", ["description"] = description };

    private static JsonObject StringMap(string description) => new()
    {
        ["type"] = "object",
        ["description"] = description,
        ["additionalProperties"] = new JsonObject { ["type"] = "string", ["default"] = string.Empty },
    };

    private static JsonObject StringList(string description) => new()
    {
        ["type"] = "array",
        ["description"] = description,
        ["items"] = new JsonObject { ["type"] = "string", ["default"] = string.Empty },
    };

    private static JsonObject Object(string description, params (string Name, JsonObject Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
        }

        return new JsonObject { ["description"] = description, ["type"] = "object", ["properties"] = props };
    }
}

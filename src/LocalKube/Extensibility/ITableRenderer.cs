using System.Text.Json.Nodes;
using LocalKube.Registry;

namespace LocalKube.Extensibility;

/// <summary>
/// Renders meta.k8s.io Table responses. When registered, LocalKube answers GET, LIST and WATCH requests whose
/// Accept header asks for <c>application/json;as=Table;v=v1;g=meta.k8s.io</c> (or v1beta1) with its result and
/// <c>Content-Type: application/json;as=Table;v=v1;g=meta.k8s.io</c>. Without one, such clients get plain JSON.
/// </summary>
public interface ITableRenderer
{
    JsonObject Render(TableRequest request);
}

/// <summary>What to render: a single object or a whole list.</summary>
public sealed class TableRequest
{
    public required ResourceType Type { get; init; }

    /// <summary>A <c>...List</c> object (items, metadata.resourceVersion/continue), or null for a single object.</summary>
    public JsonObject? List { get; init; }

    /// <summary>The single object when <see cref="List"/> is null.</summary>
    public JsonObject? Object { get; init; }

    /// <summary>The Table's apiVersion: meta.k8s.io/v1 or meta.k8s.io/v1beta1.</summary>
    public string ApiVersion { get; init; } = "meta.k8s.io/v1";

    /// <summary>The <c>includeObject</c> query parameter: None, Metadata (default) or Object.</summary>
    public string IncludeObject { get; init; } = "Metadata";

    /// <summary>True for a watch event's single-row table (kubectl get -w).</summary>
    public bool ForWatch { get; init; }
}

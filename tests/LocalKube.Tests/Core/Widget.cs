using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace LocalKube.Tests.Core;

/// <summary>The test custom resource: a spec with a size and a status with a ready flag.</summary>
public sealed class Widget : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "test.localkube.dev/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Widget";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public WidgetSpec? Spec { get; set; }

    [JsonPropertyName("status")]
    public WidgetStatus? Status { get; set; }
}

public sealed class WidgetSpec
{
    [JsonPropertyName("size")]
    public int Size { get; set; }
}

public sealed class WidgetStatus
{
    [JsonPropertyName("ready")]
    public bool Ready { get; set; }
}

public sealed class WidgetList : IKubernetesObject<V1ListMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "test.localkube.dev/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "WidgetList";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public List<Widget> Items { get; set; } = [];
}

using System.Text.Json.Serialization;
using EcsOperator.Entities;
using k8s.Models;

namespace EcsOperator.Testing;

/// <summary>A small entity of the runtime's own, so that runtime tests do not depend on the real kinds.</summary>
[KubernetesEntity(Group = "ecs.operator.dev", ApiVersion = "v1alpha1", Kind = "Widget", PluralName = "widgets")]
public sealed class Widget : CustomResource<WidgetSpec, WidgetStatus>
{
    public Widget() => Kind = "Widget";

    public static Widget Create(string @namespace, string name, string? partRef = null) => new()
    {
        Metadata = new V1ObjectMeta { NamespaceProperty = @namespace, Name = name, Generation = 1, Uid = Guid.NewGuid().ToString() },
        Spec = new WidgetSpec { Size = 1, PartRef = partRef },
    };
}

public sealed class WidgetSpec
{
    [JsonPropertyName("size")]
    public int Size { get; set; }

    [JsonPropertyName("partRef")]
    public string? PartRef { get; set; }
}

public sealed class WidgetStatus : ResourceStatus
{
    [JsonPropertyName("arn")]
    public string? Arn { get; set; }

    [JsonPropertyName("runs")]
    public int? Runs { get; set; }
}

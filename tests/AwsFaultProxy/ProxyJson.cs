using System.Text.Json;
using System.Text.Json.Serialization;

namespace AwsFaultProxy;

/// <summary>The JSON used by the control endpoints: camelCase, enums as names, nulls left out.</summary>
public static class ProxyJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

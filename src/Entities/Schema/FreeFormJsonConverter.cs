using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EcsOperator.Entities.Schema;

/// <summary>
/// Reads a free-form JSON object into plain dictionaries, lists and scalars instead of JsonElement values,
/// so the same object also serializes to YAML (KubernetesYaml does not know JsonElement).
/// Both directions walk with an explicit stack, not recursion: the API server stores free-form values nested up to
/// 10,000 levels, and a recursive walk that deep would overflow the thread's stack and end the process.
/// </summary>
public sealed class FreeFormJsonConverter : JsonConverter<IDictionary<string, object>>
{
    public override IDictionary<string, object>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.ValueKind == JsonValueKind.Null
            ? null
            : (IDictionary<string, object>?)ToPlain(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, IDictionary<string, object> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var open = new Stack<(IEnumerator<KeyValuePair<string, object?>> Items, bool IsMap)>();
        WriteValue(writer, value, options, open);
        while (open.TryPeek(out var top))
        {
            if (!top.Items.MoveNext())
            {
                open.Pop().Items.Dispose();
                if (top.IsMap)
                {
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteEndArray();
                }

                continue;
            }

            if (top.IsMap)
            {
                writer.WritePropertyName(top.Items.Current.Key);
            }

            WriteValue(writer, top.Items.Current.Value, options, open);
        }
    }

    /// <summary>Writes a scalar, or opens a map or list and leaves its items on the stack.</summary>
    private static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions options, Stack<(IEnumerator<KeyValuePair<string, object?>>, bool)> open)
    {
        switch (value)
        {
            case IDictionary<string, object> map:
                writer.WriteStartObject();
                open.Push((map.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)).GetEnumerator(), true));
                break;
            case IDictionary map: // YAML readers produce Dictionary<object, object>
                writer.WriteStartObject();
                open.Push((map.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>(Convert.ToString(k, CultureInfo.InvariantCulture)!, map[k])).GetEnumerator(), true));
                break;
            case IEnumerable items when value is not string and not JsonNode:
                writer.WriteStartArray();
                open.Push((items.Cast<object?>().Select(i => new KeyValuePair<string, object?>(string.Empty, i)).GetEnumerator(), false));
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                // Through the options' resolver, never reflection: the operator lists the scalar types in its
                // source-generated context (a native AOT build cannot serialize them by reflection).
                JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
                break;
        }
    }

    private static object? ToPlain(JsonElement root)
    {
        var pending = new Stack<(JsonElement Source, object Target)>();
        object? Convert(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object>(StringComparer.Ordinal);
                    pending.Push((element, map));
                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    pending.Push((element, list));
                    return list;
                default:
                    return Scalar(element);
            }
        }

        var result = Convert(root);
        while (pending.TryPop(out var next))
        {
            if (next.Target is Dictionary<string, object> map)
            {
                foreach (var property in next.Source.EnumerateObject())
                {
                    map[property.Name] = Convert(property.Value)!;
                }
            }
            else
            {
                var list = (List<object?>)next.Target;
                list.AddRange(next.Source.EnumerateArray().Select(Convert));
            }
        }

        return result;
    }

    private static object? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var number) => number,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}

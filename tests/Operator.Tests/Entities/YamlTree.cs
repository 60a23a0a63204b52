using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace EcsOperator.Tests.Entities;

/// <summary>
/// Reads YAML documents into JSON trees the way the API server does: plain scalars that look like numbers,
/// booleans or null are typed; quoted scalars stay strings. Used to compare what a user wrote with what
/// the entity types serialize back.
/// </summary>
internal static class YamlTree
{
    public static IReadOnlyList<JsonObject> LoadAll(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents
            .Where(document => document.RootNode is YamlMappingNode)
            .Select(document => (JsonObject)ToJson(document.RootNode)!)
            .ToList();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(child =>
            KeyValuePair.Create(((YamlScalarNode)child.Key).Value!, ToJson(child.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "true" or "True" => JsonValue.Create(true),
            "false" or "False" => JsonValue.Create(false),
            "null" or "~" or "" => null,
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) =>
                JsonValue.Create(number),
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
            _ => JsonValue.Create(value),
        };
    }
}

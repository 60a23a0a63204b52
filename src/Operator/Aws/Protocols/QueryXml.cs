using System.Globalization;
using System.Xml.Linq;

namespace EcsOperator.Aws.Protocols;

/// <summary>
/// Reads awsQuery XML responses. Elements are matched by local name, so the service's namespace (and a missing one)
/// both work. An absent member reads as null; an empty list element reads as an empty list. A value that does not
/// parse throws FormatException, which the unmarshaller turns into AwsMalformedResponseException.
/// </summary>
public static class QueryXml
{
    public static XElement? Child(XElement parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        foreach (var element in parent.Elements())
        {
            if (element.Name.LocalName == name)
            {
                return element;
            }
        }

        return null;
    }

    public static string? String(XElement parent, string name) => Child(parent, name)?.Value;

    public static int? Int(XElement parent, string name) => Child(parent, name) is { } e ? AsInt(e) : null;

    public static long? Long(XElement parent, string name) => Child(parent, name) is { } e ? AsLong(e) : null;

    public static double? Double(XElement parent, string name) => Child(parent, name) is { } e ? AsDouble(e) : null;

    public static bool? Bool(XElement parent, string name) => Child(parent, name) is { } e ? AsBool(e) : null;

    public static DateTime? Timestamp(XElement parent, string name) => Child(parent, name) is { } e ? AsTimestamp(e) : null;

    public static T? Struct<T>(XElement parent, string name, Func<XElement, T> read)
        where T : class =>
        Child(parent, name) is { } e ? read(e) : null;

    public static List<T>? List<T>(XElement parent, string name, Func<XElement, T> item) =>
        Child(parent, name) is { } e ? ListItems(e, item) : null;

    public static Dictionary<string, T>? Map<T>(XElement parent, string name, Func<XElement, T> value) =>
        Child(parent, name) is { } e ? MapItems(e, value) : null;

    public static List<T> ListItems<T>(XElement list, Func<XElement, T> item)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(item);
        return list.Elements().Where(e => e.Name.LocalName == "member").Select(item).ToList();
    }

    public static Dictionary<string, T> MapItems<T>(XElement map, Func<XElement, T> value)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(value);
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in map.Elements().Where(e => e.Name.LocalName == "entry"))
        {
            var key = Child(entry, "key")?.Value ?? throw new FormatException($"map entry without a key in <{map.Name.LocalName}>");
            if (Child(entry, "value") is { } v)
            {
                result[key] = value(v);
            }
        }

        return result;
    }

    public static string AsString(XElement e) => e?.Value ?? throw new ArgumentNullException(nameof(e));

    public static int AsInt(XElement e) => int.Parse(AsString(e), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static long AsLong(XElement e) => long.Parse(AsString(e), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static double AsDouble(XElement e) => double.Parse(AsString(e), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static bool AsBool(XElement e) => AsString(e).Trim() switch
    {
        "true" => true,
        "false" => false,
        var other => throw new FormatException($"<{e.Name.LocalName}> is '{other}', not true or false"),
    };

    public static DateTime AsTimestamp(XElement e) =>
        DateTime.Parse(AsString(e), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

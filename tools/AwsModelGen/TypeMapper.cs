namespace AwsModelGen;

/// <summary>Maps botocore shapes to C# types and names, the way the official SDK names them.</summary>
internal static class TypeMapper
{
    public static string CsType(ServiceModel model, string shape) => model.Type(shape) switch
    {
        // A document's members are whatever the caller writes: an empty class would drop them all on the wire.
        "structure" when model.IsDocument(shape) => "System.Text.Json.Nodes.JsonNode",
        "structure" => model.ClassName(shape),
        "list" => $"List<{CsType(model, (string)model.Shape(shape)["member"]!["shape"]!)}>",
        "map" => $"Dictionary<string, {CsType(model, (string)model.Shape(shape)["value"]!["shape"]!)}>",
        "string" => "string",
        "integer" => "int",
        "long" => "long",
        "boolean" => "bool",
        "double" or "float" => "double",
        "timestamp" => "DateTime",
        "blob" => "byte[]",
        var other => throw new NotSupportedException($"shape type {other} ({shape})"),
    };

    public static bool IsValueType(ServiceModel model, string shape) =>
        model.Type(shape) is "integer" or "long" or "boolean" or "double" or "float" or "timestamp";

    public static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>The C# property name of a member; a member named like its class gets a Value suffix (CS0542).</summary>
    public static string PropertyName(string className, string member)
    {
        var name = Pascal(member);
        return name == className ? name + "Value" : name;
    }

    /// <summary>An enum value as a C# identifier, SDK style: FARGATE_SPOT stays, json-file becomes JsonFile.</summary>
    public static string EnumConstant(string value)
    {
        string name;
        if (value.Any(char.IsAsciiLetterLower))
        {
            var pieces = System.Text.RegularExpressions.Regex.Split(value, "[^A-Za-z0-9]+");
            name = string.Concat(pieces.Where(p => p.Length > 0).Select(Pascal));
        }
        else
        {
            name = new string(value.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        }

        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "Value" + name : name;
    }
}

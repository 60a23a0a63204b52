namespace AwsModelGen;

/// <summary>awsQuery: emits form writers for request shapes and XML readers for response shapes.</summary>
internal static class QueryEmitter
{
    public static string Codec(ServiceModel model)
    {
        var s = model.Spec;
        var w = new CodeWriter().Header(s.ModelDirectory, "System.Xml.Linq", "EcsOperator.Aws.Protocols");
        // In the Model namespace, so that shapes named like System types (ELBv2's Action) resolve to the shape.
        w.Line($"namespace {s.Namespace}.Model;").Line();
        w.Line($"internal static class {s.Folder}QueryCodec").Line("{");
        var inputs = Closure(model, model.Operations.Select(o => o.InputShape));
        var outputs = Closure(model, model.Operations.Where(o => o.OutputShape is not null).Select(o => o.OutputShape!));
        foreach (var op in model.Operations)
        {
            w.Line($"public static void Write{op.Name}Request(QueryWriter w, {op.Name}Request value) => Write{op.Name}Request(w, \"\", value);").Line();
            w.Line(op.OutputShape is null
                ? $"public static {op.Name}Response Read{op.Name}Result(XElement? result) => new();"
                : $"public static {op.Name}Response Read{op.Name}Result(XElement? result) => result is null ? new() : Read{op.Name}Response(result);");
            w.Line();
        }

        foreach (var shape in inputs)
        {
            EmitWriter(w, model, shape);
        }

        foreach (var shape in outputs)
        {
            EmitReader(w, model, shape);
        }

        return w.Line("}").ToString().Replace("\n\n}", "\n}", StringComparison.Ordinal);
    }

    private static SortedSet<string> Closure(ServiceModel model, IEnumerable<string> roots)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(roots);
        while (stack.TryPop(out var shape))
        {
            var s = model.Shape(shape);
            if (model.Type(shape) == "structure" && !found.Add(shape))
            {
                continue;
            }

            var next = model.Members(shape).Select(m => (string)m.Member["shape"]!).ToList();
            if (s["member"] is { } m)
            {
                next.Add((string)m["shape"]!);
            }

            if (s["value"] is { } v)
            {
                next.Add((string)v["shape"]!);
            }

            foreach (var n in next.Where(n => model.Type(n) is "structure" or "list" or "map"))
            {
                stack.Push(n);
            }
        }

        return found;
    }

    private static void EmitWriter(CodeWriter w, ServiceModel model, string shape)
    {
        var cls = model.ClassName(shape);
        w.Line($"public static void Write{cls}(QueryWriter w, string prefix, {cls} value)").Line("{");
        _locals = 0;
        foreach (var (name, member) in model.Members(shape))
        {
            var wire = (string?)member["locationName"] ?? name;
            WriteValue(w, model, (string)member["shape"]!, $"prefix + \"{wire}\"", $"value.{TypeMapper.PropertyName(cls, name)}", 0);
        }

        w.Line("}").Line();
    }

    private static int _locals;

    private static void WriteValue(CodeWriter w, ServiceModel model, string shape, string key, string value, int depth)
    {
        // Pattern variables live in the whole method, so every one gets its own number.
        var v = $"v{++_locals}";
        switch (model.Type(shape))
        {
            case "structure":
                w.Line($"if ({value} is {{ }} {v})").Line("{").Line($"Write{model.ClassName(shape)}(w, {key} + \".\", {v});").Line("}");
                break;
            case "list":
                var item = (string)model.Shape(shape)["member"]!["shape"]!;
                w.Line($"if ({value} is {{ }} {v})").Line("{");
                w.Line($"w.EmptyList({key}, {v}.Count);");
                w.Line($"for (var i{depth} = 0; i{depth} < {v}.Count; i{depth}++)").Line("{");
                WriteValue(w, model, item, $"{key} + \".member.\" + (i{depth} + 1)", $"{v}[i{depth}]", depth + 1);
                w.Line("}").Line("}");
                break;
            case "map":
                var valueShape = (string)model.Shape(shape)["value"]!["shape"]!;
                w.Line($"if ({value} is {{ }} {v})").Line("{").Line($"var n{depth} = 0;");
                w.Line($"foreach (var (k{depth}, e{depth}) in {v})").Line("{").Line($"n{depth}++;");
                w.Line($"w.Add({key} + \".entry.\" + n{depth} + \".key\", k{depth});");
                WriteValue(w, model, valueShape, $"{key} + \".entry.\" + n{depth} + \".value\"", $"e{depth}", depth + 1);
                w.Line("}").Line("}");
                break;
            default:
                w.Line($"w.Add({key}, {value});");
                break;
        }
    }

    private static void EmitReader(CodeWriter w, ServiceModel model, string shape)
    {
        var cls = model.ClassName(shape);
        w.Line($"public static {cls} Read{cls}(XElement e) => new()").Line("{");
        foreach (var (name, member) in model.Members(shape))
        {
            var wire = (string?)member["locationName"] ?? name;
            w.Line($"{TypeMapper.PropertyName(cls, name)} = {ReadMember(model, (string)member["shape"]!, "e", wire)},");
        }

        w.Line("};").Line();
    }

    private static string ReadMember(ServiceModel model, string shape, string parent, string wire) => model.Type(shape) switch
    {
        "structure" => $"QueryXml.Struct({parent}, \"{wire}\", Read{model.ClassName(shape)})",
        "list" or "map" => $"QueryXml.{Collection(model, shape)}({parent}, \"{wire}\", x => {ReadItem(model, Item(model, shape), "x")})",
        var t => $"QueryXml.{Scalar(t)}({parent}, \"{wire}\")",
    };

    private static string ReadItem(ServiceModel model, string shape, string x) => model.Type(shape) switch
    {
        "structure" => $"Read{model.ClassName(shape)}({x})",
        "list" or "map" => $"QueryXml.{Collection(model, shape)}Items({x}, y => {ReadItem(model, Item(model, shape), "y")})",
        var t => $"QueryXml.As{Scalar(t)}({x})",
    };

    private static string Collection(ServiceModel model, string shape) => model.Type(shape) == "list" ? "List" : "Map";

    private static string Item(ServiceModel model, string shape) =>
        (string)(model.Shape(shape)["member"] ?? model.Shape(shape)["value"])!["shape"]!;

    private static string Scalar(string type) => type switch
    {
        "string" => "String",
        "integer" => "Int",
        "long" => "Long",
        "boolean" => "Bool",
        "double" or "float" => "Double",
        "timestamp" => "Timestamp",
        _ => throw new NotSupportedException(type),
    };
}

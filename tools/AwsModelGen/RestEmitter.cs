namespace AwsModelGen;

/// <summary>restJson1: binds uri labels and query-string members of each request into a <c>RestRequestParts</c>.</summary>
internal static class RestEmitter
{
    public static string Bindings(ServiceModel model)
    {
        var s = model.Spec;
        var w = new CodeWriter().Header(s.ModelDirectory, "System.Globalization", "EcsOperator.Aws.Protocols", $"{s.Namespace}.Model");
        w.Line($"namespace {s.Namespace};").Line();
        w.Line($"internal static class {s.Folder}RestBindings").Line("{");
        foreach (var op in model.Operations)
        {
            if (op.HttpMethod is not "GET" and not "DELETE")
            {
                throw new NotSupportedException($"{op.Name}: only GET/DELETE restJson1 operations are generated so far");
            }

            w.Line($"public static RestRequestParts {op.Name}({op.Name}Request request)").Line("{");
            w.Line($"var parts = new RestRequestParts(\"{op.HttpMethod}\", \"{op.RequestUri}\");");
            foreach (var (name, member) in model.Members(op.InputShape))
            {
                var prop = TypeMapper.PropertyName(op.Name + "Request", name);
                var wire = (string?)member["locationName"] ?? name;
                var value = TypeMapper.IsValueType(model, (string)member["shape"]!)
                    ? $"request.{prop}?.ToString(CultureInfo.InvariantCulture)"
                    : $"request.{prop}";
                var call = (string?)member["location"] switch
                {
                    "uri" => $"parts.BindLabel(\"{wire}\", {value});",
                    "querystring" => $"parts.AddQuery(\"{wire}\", {value});",
                    var l => throw new NotSupportedException($"{op.Name}.{name}: location {l}"),
                };
                w.Line(call);
            }

            w.Line("return parts;").Line("}").Line();
        }

        return w.Line("}").ToString().Replace("\n\n}", "\n}", StringComparison.Ordinal);
    }
}

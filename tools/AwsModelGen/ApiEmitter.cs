namespace AwsModelGen;

/// <summary>Emits the service interface, the client's operation methods and (JSON protocols) the serializer context.</summary>
internal static class ApiEmitter
{
    public static string Interface(ServiceModel model)
    {
        var s = model.Spec;
        var w = new CodeWriter().Header(s.ModelDirectory, $"{s.Namespace}.Model");
        w.Line($"namespace {s.Namespace};").Line();
        w.Line($"/// <summary>The {model.Metadata["serviceId"]} operations the operator uses, named as in the official AWS SDK for .NET.</summary>");
        w.Line($"public partial interface {s.InterfaceName}").Line("{");
        foreach (var op in model.Operations)
        {
            w.Line($"Task<{op.Name}Response> {op.Name}Async({op.Name}Request request, CancellationToken cancellationToken = default);").Line();
        }

        return w.Line("}").ToString().Replace("\n\n}", "\n}", StringComparison.Ordinal);
    }

    public static string Client(ServiceModel model)
    {
        var s = model.Spec;
        var w = new CodeWriter().Header(s.ModelDirectory, "EcsOperator.Aws.Core", $"{s.Namespace}.Model");
        w.Line($"namespace {s.Namespace};").Line();
        w.Line($"public sealed partial class {s.ClientName}").Line("{");
        foreach (var op in model.Operations)
        {
            w.Line($"public Task<{op.Name}Response> {op.Name}Async({op.Name}Request request, CancellationToken cancellationToken = default) =>");
            w.Line("    " + Invocation(model, op));
            w.Line();
        }

        return w.Line("}").ToString().Replace("\n\n}", "\n}", StringComparison.Ordinal);
    }

    public static string JsonContext(ServiceModel model)
    {
        var s = model.Spec;
        var w = new CodeWriter().Header(s.ModelDirectory, "System.Text.Json.Serialization", $"{s.Namespace}.Model");
        w.Line($"namespace {s.Namespace};").Line();
        w.Line("[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]");
        foreach (var op in model.Operations)
        {
            w.Line($"[JsonSerializable(typeof({op.Name}Request))]");
            w.Line($"[JsonSerializable(typeof({op.Name}Response))]");
        }

        w.Line($"internal sealed partial class {s.Folder}JsonContext : JsonSerializerContext").Line("{").Line("}");
        return w.ToString();
    }

    private static string Family(ServiceModel model, Operation op) => model.Spec.Folder switch
    {
        "Ecs" => op.Name.StartsWith("Describe", StringComparison.Ordinal) || op.Name.StartsWith("List", StringComparison.Ordinal)
            ? "AwsApiFamily.EcsDescribe"
            : "AwsApiFamily.EcsMutate",
        "ElasticLoadBalancingV2" => "AwsApiFamily.Elbv2",
        "Iam" => "AwsApiFamily.Iam",
        _ => "AwsApiFamily.Efs",
    };

    private static string Invocation(ServiceModel model, Operation op)
    {
        var s = model.Spec;
        var target = $"new AwsOperation(\"{op.Name}\", {Family(model, op)})";
        return model.Protocol switch
        {
            "json" => $"_protocol.InvokeAsync({target}, request, {s.Folder}JsonContext.Default.{op.Name}Request, {s.Folder}JsonContext.Default.{op.Name}Response, cancellationToken);",
            "query" => $"_protocol.InvokeAsync({target}, request, {s.Folder}QueryCodec.Write{op.Name}Request, {s.Folder}QueryCodec.Read{op.Name}Result, cancellationToken);",
            "rest-json" => $"_protocol.InvokeAsync({target}, {s.Folder}RestBindings.{op.Name}(request), {s.Folder}JsonContext.Default.{op.Name}Response, cancellationToken);",
            var p => throw new NotSupportedException(p),
        };
    }
}

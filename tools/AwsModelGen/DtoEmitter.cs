namespace AwsModelGen;

/// <summary>Emits the request/response/nested DTOs, the enum constants and the typed exceptions.</summary>
internal static class DtoEmitter
{
    private static readonly HashSet<string> SharedErrors = ["AccessDeniedException", "ThrottlingException"];

    public static string Model(ServiceModel model, bool json)
    {
        var w = new CodeWriter().Header(model.Spec.ModelDirectory, json
            ? ["System.Text.Json.Serialization", "EcsOperator.Aws.Protocols"]
            : []);
        w.Line($"namespace {model.Spec.Namespace}.Model;").Line();
        foreach (var shape in model.Reachable.Where(s => model.Type(s) == "structure" && !model.IsDocument(s) && !model.Errors.Contains(s)))
        {
            EmitClass(w, model, shape, model.ClassName(shape), json);
        }

        foreach (var op in model.Operations.Where(o => o.OutputShape is null))
        {
            w.Line($"public partial class {op.Name}Response").Line("{").Line("}").Line();
        }

        return w.ToString().TrimEnd() + "\n";
    }

    public static string Enums(ServiceModel model)
    {
        var w = new CodeWriter().Header(model.Spec.ModelDirectory);
        w.Line($"namespace {model.Spec.Namespace};").Line();
        foreach (var shape in model.Reachable.Where(s => model.Type(s) == "string" && model.Shape(s)["enum"] is not null))
        {
            w.Line($"public static class {shape}").Line("{");
            var used = new HashSet<string>(StringComparer.Ordinal) { shape };
            foreach (var value in model.Shape(shape)["enum"]!.AsArray().Select(v => (string)v!))
            {
                var name = TypeMapper.EnumConstant(value);
                while (!used.Add(name))
                {
                    name += "_";
                }

                w.Line($"public const string {name} = \"{value}\";");
            }

            w.Line("}").Line();
        }

        return w.ToString().TrimEnd() + "\n";
    }

    public static string Exceptions(ServiceModel model)
    {
        var w = new CodeWriter().Header(model.Spec.ModelDirectory, "System.Net", "Amazon.Runtime", "Amazon.Runtime.Internal");
        w.Line($"namespace {model.Spec.Namespace}.Model;").Line();
        var baseName = model.Spec.BaseExceptionName;
        EmitException(w, baseName, "AwsServiceException");
        foreach (var error in model.Errors.Where(e => !SharedErrors.Contains(e)))
        {
            EmitException(w, error, baseName);
        }

        w.Line($"internal static class {model.Spec.Folder}Errors").Line("{");
        w.Line("/// <summary>The typed exception for an error response, by the code the service sends.</summary>");
        w.Line("public static AmazonServiceException Create(ErrorResponse error, Exception? inner, HttpStatusCode status) => error.Code switch").Line("{");
        foreach (var error in model.Errors.Where(e => !SharedErrors.Contains(e)))
        {
            w.Line($"\"{ErrorCode(model, error)}\" => new {error}(error.Message, inner, error.Type, error.Code, error.RequestId, status),");
        }

        w.Line($"_ => AwsErrors.Shared(error, inner, status) ?? new {baseName}(error.Message, inner, error.Type, error.Code ?? \"Unknown\", error.RequestId, status),");
        w.Line("};").Line("}");
        return w.ToString();
    }

    public static string ErrorCode(ServiceModel model, string shape) =>
        (string?)model.Shape(shape)["error"]?["code"] ?? shape;

    private static void EmitException(CodeWriter w, string name, string baseName)
    {
        w.Line($"public partial class {name} : {baseName}").Line("{");
        w.Line($"public {name}(string? message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)");
        w.Line("    : base(message, innerException, errorType, errorCode, requestId, statusCode)").Line("{").Line("}");
        w.Line("}").Line();
    }

    private static void EmitClass(CodeWriter w, ServiceModel model, string shape, string className, bool json)
    {
        w.Line($"public partial class {className}").Line("{");
        var first = true;
        foreach (var (name, member) in model.Members(shape))
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var memberShape = (string)member["shape"]!;
            var type = TypeMapper.CsType(model, memberShape);
            if (json)
            {
                if (member["location"] is not null)
                {
                    w.Line("[JsonIgnore]");
                }
                else
                {
                    w.Line($"[JsonPropertyName(\"{(string?)member["locationName"] ?? name}\")]");
                }

                if (model.Type(memberShape) == "timestamp")
                {
                    w.Line("[JsonConverter(typeof(EpochSecondsConverter))]");
                }
            }

            w.Line($"public {type}? {TypeMapper.PropertyName(className, name)} {{ get; set; }}");
        }

        w.Line("}").Line();
    }
}

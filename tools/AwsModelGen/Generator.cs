namespace AwsModelGen;

/// <summary>The generated files of one service, by protocol.</summary>
internal static class Generator
{
    public static IEnumerable<(string File, string Text)> Files(ServiceModel model)
    {
        var json = model.Protocol is "json" or "rest-json";
        yield return ("Model.g.cs", DtoEmitter.Model(model, json));
        yield return ("Enums.g.cs", DtoEmitter.Enums(model));
        yield return ("Exceptions.g.cs", DtoEmitter.Exceptions(model));
        yield return ($"{model.Spec.InterfaceName}.g.cs", ApiEmitter.Interface(model));
        yield return ($"{model.Spec.ClientName}.g.cs", ApiEmitter.Client(model));
        if (json)
        {
            yield return ("JsonContext.g.cs", ApiEmitter.JsonContext(model));
        }

        if (model.Protocol == "rest-json")
        {
            yield return ("RestBindings.g.cs", RestEmitter.Bindings(model));
        }

        if (model.Protocol == "query")
        {
            yield return ("QueryCodec.g.cs", QueryEmitter.Codec(model));
        }
    }
}

/// <summary>Finds botocore's data folder: $BOTOCORE_DATA, else the installed python package.</summary>
internal static class BotocoreData
{
    public static string Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("BOTOCORE_DATA");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        var psi = new System.Diagnostics.ProcessStartInfo("python3", ["-c", "import botocore,os;print(os.path.join(os.path.dirname(botocore.__file__),'data'))"])
        {
            RedirectStandardOutput = true,
        };
        using var process = System.Diagnostics.Process.Start(psi) ?? throw new InvalidOperationException("python3 did not start");
        var path = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return Directory.Exists(path) ? path : throw new InvalidOperationException("botocore not found; set BOTOCORE_DATA");
    }
}

using System.IO.Compression;
using System.Text.Json.Nodes;

namespace AwsModelGen;

/// <summary>A botocore service-2.json, narrowed to the shapes reachable from the operations in a <see cref="ServiceSpec"/>.</summary>
internal sealed class ServiceModel
{
    private readonly JsonObject _shapes;

    private ServiceModel(ServiceSpec spec, JsonObject root)
    {
        Spec = spec;
        Metadata = root["metadata"]!.AsObject();
        _shapes = root["shapes"]!.AsObject();
        var operations = root["operations"]!.AsObject();
        foreach (var name in spec.Operations)
        {
            var op = operations[name]?.AsObject() ?? throw new InvalidOperationException($"{spec.ModelDirectory} has no operation {name}");
            Operations.Add(new Operation(name, op));
        }

        foreach (var op in Operations)
        {
            Visit(op.InputShape);
            if (op.OutputShape is not null)
            {
                Visit(op.OutputShape);
            }

            foreach (var error in op.Errors)
            {
                Errors.Add(error);
                Visit(error);
            }
        }

        foreach (var op in Operations)
        {
            ClassNames[op.InputShape] = op.Name + "Request";
            if (op.OutputShape is not null)
            {
                ClassNames[op.OutputShape] = op.Name + "Response";
            }
        }
    }

    public ServiceSpec Spec { get; }

    public JsonObject Metadata { get; }

    public string Protocol => (string)Metadata["protocol"]!;

    public List<Operation> Operations { get; } = [];

    /// <summary>Reachable shapes in a stable (sorted) order.</summary>
    public SortedSet<string> Reachable { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Input and output shapes take the SDK's names: Op + Request / Op + Response.</summary>
    public Dictionary<string, string> ClassNames { get; } = new(StringComparer.Ordinal);

    public static ServiceModel Load(string botocoreData, ServiceSpec spec)
    {
        var dir = Path.Combine(botocoreData, spec.ModelDirectory, spec.ApiVersion);
        var plain = Path.Combine(dir, "service-2.json");
        using Stream file = File.Exists(plain) ? File.OpenRead(plain) : new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
        var root = JsonNode.Parse(file)!.AsObject();
        return new ServiceModel(spec, root);
    }

    public JsonObject Shape(string name) => _shapes[name]!.AsObject();

    public string Type(string shape) => (string)Shape(shape)["type"]!;

    /// <summary>A free-form JSON document (a structure botocore marks document: true), such as ECS's hookDetails.</summary>
    public bool IsDocument(string shape) => Shape(shape)["document"]?.GetValue<bool>() == true;

    public string ClassName(string shape) => ClassNames.TryGetValue(shape, out var renamed) ? renamed : shape;

    public IEnumerable<(string Name, JsonObject Member)> Members(string shape) =>
        Shape(shape)["members"]?.AsObject().Select(kv => (kv.Key, kv.Value!.AsObject())) ?? [];

    private void Visit(string shape)
    {
        if (!Reachable.Add(shape))
        {
            return;
        }

        var s = Shape(shape);
        foreach (var (_, member) in Members(shape))
        {
            Visit((string)member["shape"]!);
        }

        if (s["member"] is JsonObject listMember)
        {
            Visit((string)listMember["shape"]!);
        }

        if (s["key"] is JsonObject key)
        {
            Visit((string)key["shape"]!);
            Visit((string)s["value"]!["shape"]!);
        }
    }
}

/// <summary>One operation of the model.</summary>
internal sealed class Operation(string name, JsonObject op)
{
    public string Name { get; } = name;

    public string InputShape { get; } = (string)op["input"]!["shape"]!;

    public string? OutputShape { get; } = (string?)op["output"]?["shape"];

    public string? ResultWrapper { get; } = (string?)op["output"]?["resultWrapper"];

    public string HttpMethod { get; } = (string)op["http"]!["method"]!;

    public string RequestUri { get; } = (string)op["http"]!["requestUri"]!;

    public IEnumerable<string> Errors { get; } = op["errors"]?.AsArray().Select(e => (string)e!["shape"]!).ToList() ?? [];
}

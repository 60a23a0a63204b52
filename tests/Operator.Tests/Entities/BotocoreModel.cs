using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json.Nodes;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.Tests.Entities;

/// <summary>
/// An AWS service model from the botocore package installed with awscli/boto3: the spec the entity shapes
/// and enums are checked against. Missing botocore skips the test locally and fails it under CI=true.
/// </summary>
internal sealed class BotocoreModel(JsonObject shapes, string directory)
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<BotocoreModel>>> Cache = new();

    public JsonObject Shapes { get; } = shapes;

    public static Task<BotocoreModel> LoadAsync(string service) =>
        Cache.GetOrAdd(service, name => new Lazy<Task<BotocoreModel>>(() => ReadAsync(name))).Value;

    /// <summary>
    /// The service's documented examples (examples-1.json next to the model), by operation: real request and response
    /// bodies, which carry fields emulators leave out.
    /// </summary>
    public async Task<JsonObject> ExamplesAsync()
    {
        var path = Path.Combine(directory, "examples-1.json");
        if (!File.Exists(path))
        {
            Unavailable($"botocore has no examples at {path}");
        }

        await using var stream = File.OpenRead(path);
        return (await JsonNode.ParseAsync(stream))!["examples"]!.AsObject();
    }

    public JsonObject Shape(string name) =>
        Shapes[name] as JsonObject ?? throw new KeyNotFoundException($"botocore has no shape {name}");

    public IReadOnlyList<string> EnumValues(string shape) =>
        Shape(shape)["enum"]?.AsArray().Select(value => value!.GetValue<string>()).ToList()
        ?? throw new InvalidOperationException($"botocore shape {shape} is not an enum");

    private static async Task<BotocoreModel> ReadAsync(string service)
    {
        var python = ExternalTools.Require("python3", "install Python 3 with boto3 or awscli");
        var result = await ProcessRunner.RunAsync(
            python, ["-c", "import botocore,os;print(os.path.dirname(botocore.__file__))"], timeout: TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0)
        {
            Unavailable($"botocore is not importable (pip install boto3): {result.StdErr.Trim()}");
        }

        var serviceDir = Path.Combine(result.StdOut.Trim(), "data", service);
        var versionDir = Directory.Exists(serviceDir)
            ? Directory.GetDirectories(serviceDir).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (versionDir is null)
        {
            Unavailable($"botocore has no model for {service} under {serviceDir}");
        }

        var plain = Path.Combine(versionDir!, "service-2.json");
        await using Stream stream = File.Exists(plain)
            ? File.OpenRead(plain)
            : new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
        var model = await JsonNode.ParseAsync(stream);
        return new BotocoreModel(model!["shapes"]!.AsObject(), versionDir!);
    }

    private static void Unavailable(string reason)
    {
        if (ExternalTools.IsCi)
        {
            Assert.Fail(reason + "; CI=true, so this is a failure, not a skip");
        }

        Assert.Skip(reason);
    }
}

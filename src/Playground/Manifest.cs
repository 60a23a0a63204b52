using System.Text.Json.Nodes;

namespace EcsOperator.Playground;

/// <summary>One Kubernetes object read from a manifest file, ready to send to the API.</summary>
public sealed record Manifest(string SourceFile, JsonObject Body)
{
    public const string DefaultNamespace = "default";

    public string ApiVersion => (string)Body["apiVersion"]!;

    public string Kind => (string)Body["kind"]!;

    public string Name => (string)Body["metadata"]!["name"]!;

    /// <summary>The manifest's namespace, or <c>default</c> when it names none (as kubectl does).</summary>
    public string Namespace => Body["metadata"]?["namespace"]?.GetValue<string>() ?? DefaultNamespace;

    /// <summary>The API group: empty for the core group (<c>v1</c>).</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    public string Version => ApiVersion[(ApiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..];

    public override string ToString() => $"{Kind}/{Name}";
}

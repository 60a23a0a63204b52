namespace EcsOperator.Testing;

/// <summary>
/// The kubectl versions LocalKube is checked against: the one on PATH (1.32) and 1.35 from the pinned Lambda layer.
/// Conformance tests are theories over <see cref="All"/>, so a newer client's behaviour fails a named case.
/// </summary>
public static class KubectlClients
{
    public const string OnPath = "kubectl-on-path";
    public const string V135 = "kubectl-1.35";

    public static Xunit.TheoryData<string> All => [OnPath, V135];

    /// <summary>A kubectl of that client bound to a kubeconfig; skips (locally) or fails (CI) when it cannot be had.</summary>
    public static async Task<Kubectl> ForAsync(string client, string kubeconfigPath) => client switch
    {
        OnPath => new Kubectl(kubeconfigPath),
        V135 => new Kubectl(kubeconfigPath, await LambdaLayerTools.RequireKubectlAsync(LambdaLayer.V35)),
        _ => throw new ArgumentOutOfRangeException(nameof(client), client, $"expected {OnPath} or {V135}"),
    };
}

namespace EcsOperator.Testing;

/// <summary>Runs the real kubectl (the one on PATH unless a binary is given) against one kubeconfig and captures what it prints.</summary>
public sealed class Kubectl(string kubeconfigPath, string? binary = null)
{
    private readonly string _binary = binary ?? ExternalTools.RequireKubectl();

    public string KubeconfigPath { get; } = kubeconfigPath;

    /// <summary>Runs kubectl; never throws on a non-zero exit (tests assert on it).</summary>
    public Task<ProcessResult> RunAsync(IEnumerable<string> args, string? stdin = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ProcessRunner.RunAsync(
            _binary,
            ["--kubeconfig", KubeconfigPath, .. args],
            stdin,
            new Dictionary<string, string> { ["KUBECTL_KUBERC"] = "false", ["HOME"] = Path.GetTempPath() },
            timeout: timeout ?? TimeSpan.FromSeconds(60),
            cancellationToken: cancellationToken);

    public Task<ProcessResult> RunAsync(params string[] args) => RunAsync((IEnumerable<string>)args);

    /// <summary>Runs kubectl and throws with its output when it exits non-zero.</summary>
    public async Task<string> RunOkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl {string.Join(' ', args)} failed: {result}");
        }

        return result.StdOut;
    }
}

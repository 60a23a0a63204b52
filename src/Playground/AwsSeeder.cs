using System.Diagnostics;
using System.Text.Json;

namespace EcsOperator.Playground;

/// <summary>
/// Seeds the AWS endpoint with what the quickstart samples reference (a VPC, two subnets, a security group, the
/// task execution and task roles, an EFS file system with an access point, an internet-facing ALB with an HTTP:80
/// listener) and returns their IDs, keyed by the placeholder names the manifests use.
/// </summary>
/// <remarks>
/// The seeding is an embedded boto3 script run with <c>python3 -</c>. moto is a Python package, so python3 and boto3
/// are present wherever moto is; and boto3 speaks every service involved, whereas the only AWS SDK for .NET
/// package served here for these services is AWSSDK.EC2, which would leave IAM, EFS and ELBv2 to hand-written
/// wire code duplicating the operator's own clients. The script finds each resource by name or tag before
/// creating it, so re-running against an existing endpoint (--aws-endpoint-url) reuses what is there.
/// </remarks>
public static class AwsSeeder
{
    private const string ScriptResource = "EcsOperator.Playground.seed.py";
    private static readonly TimeSpan SeedTimeout = TimeSpan.FromSeconds(120);

    public static async Task<IReadOnlyDictionary<string, string>> SeedAsync(Uri endpoint, string region, CancellationToken cancellationToken)
    {
        var python = MotoCommand.FindPython()
            ?? throw new PlaygroundException("python3 is not on PATH; it seeds AWS with boto3 (pip install 'moto[server]' brings boto3)");
        var (exitCode, stdout, stderr) = await RunScriptAsync(python, AwsEnvironment.For(endpoint, region), cancellationToken);
        if (exitCode != 0)
        {
            throw new PlaygroundException(stderr.Contains("No module named 'boto3'", StringComparison.Ordinal)
                ? "python3 cannot import boto3, which seeds AWS: pip install boto3"
                : $"seeding AWS at {endpoint} failed: {LastLine(stderr)}");
        }

        return JsonSerializer.Deserialize<Dictionary<string, string>>(stdout)
            ?? throw new PlaygroundException($"seeding AWS at {endpoint} printed no IDs");
    }

    private static async Task<(int ExitCode, string StdOut, string StdErr)> RunScriptAsync(
        string python, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(python)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add("-");
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        psi.Environment.Remove("AWS_PROFILE");
        using var process = Process.Start(psi) ?? throw new PlaygroundException($"{python} did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SeedTimeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(ReadScript().AsMemory(), timeout.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new PlaygroundException($"seeding AWS did not finish within {SeedTimeout.TotalSeconds:0} s");
        }
    }

    private static string ReadScript()
    {
        using var stream = typeof(AwsSeeder).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"embedded resource {ScriptResource} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";
}

using System.Text.RegularExpressions;
using EcsOperator.Playground;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Playground;

/// <summary>The README's first command, run as a process: what a newcomer sees, and what it leaves behind.</summary>
public sealed class PlaygroundTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("playground-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Quickstart_objects_all_become_ready_and_the_playground_exits_zero_leaving_nothing_running()
    {
        await PlaygroundProcess.RequireMotoAsync();
        var awsPort = FreePort.Next();

        var result = await PlaygroundProcess.RunAsync(_work, awsPort, ["--apply", PlaygroundProcess.Quickstart, "--exit-when-ready", "--timeout", "120"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($@"(?m)^READY kubeconfig={Regex.Escape(Path.Combine(_work, "kubeconfig"))} aws=http://127\.0\.0\.1:{awsPort}$", result.StdOut);
        Assert.Matches(@"(?m) Cluster +demo +True ", result.StdOut);
        Assert.Matches(@"(?m) TaskDefinition +web +True ", result.StdOut);
        Assert.Matches(@"(?m) Service +web +True ", result.StdOut);
        Assert.Matches(@"(?m) LoadBalancerBinding +web +True ", result.StdOut);
        Assert.Matches(@"(?m) LoadBalancerBinding +web-nlb +True ", result.StdOut); // the seeded TCP group behind the NLB
        Assert.Contains("all 5 objects are Ready", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("aws elbv2 describe-rules --listener-arn arn:aws:elasticloadbalancing:", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.StdOut); // redirected output: no terminal control codes
        Assert.False(LoopbackPort.IsInUse(awsPort), $"the AWS proxy still listens on {awsPort} after the playground exited");
    }

    [Fact]
    public async Task A_manifest_with_an_unknown_placeholder_fails_naming_it_and_the_file_and_stops_moto()
    {
        await PlaygroundProcess.RequireMotoAsync();
        var manifests = Directory.CreateDirectory(Path.Combine(_work, "manifests")).FullName;
        var manifest = Path.Combine(manifests, "cluster.yaml");
        await File.WriteAllTextAsync(manifest, "apiVersion: ecs.operator.dev/v1alpha1\nkind: Cluster\nmetadata: {name: c}\nspec: {tags: {vpc: ${NO_SUCH_ID}}}\n", TestContext.Current.CancellationToken);
        var awsPort = FreePort.Next();

        var result = await PlaygroundProcess.RunAsync(_work, awsPort, ["--apply", manifests, "--exit-when-ready"]);

        Assert.NotEqual(0, result.ExitCode);
        var error = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("${NO_SUCH_ID}", error, StringComparison.Ordinal);
        Assert.Contains(manifest, error, StringComparison.Ordinal);
        Assert.False(LoopbackPort.IsInUse(awsPort), $"the AWS proxy still listens on {awsPort} after the playground exited");
    }

    [Fact]
    public async Task An_object_that_cannot_become_ready_fails_after_the_timeout_with_its_conditions()
    {
        await PlaygroundProcess.RequireMotoAsync();
        var manifests = Directory.CreateDirectory(Path.Combine(_work, "manifests")).FullName;
        await File.WriteAllTextAsync(Path.Combine(manifests, "td.yaml"), """
            apiVersion: ecs.operator.dev/v1alpha1
            kind: TaskDefinition
            metadata: {name: orphan}
            spec:
              cpu: "256"
              memory: "512"
              networkMode: awsvpc
              requiresCompatibilities: [FARGATE]
              executionRoleArn: arn:aws:iam::123456789012:role/playground-missing-role
              containerDefinitions: [{name: app, image: "nginx:1.27", essential: true}]
            """, TestContext.Current.CancellationToken);
        var awsPort = FreePort.Next();

        var result = await PlaygroundProcess.RunAsync(_work, awsPort, ["--apply", manifests, "--exit-when-ready", "--timeout", "15"]);

        Assert.True(result.ExitCode == ManifestStage.NotReadyExitCode, result.ToString());
        Assert.Contains("NOT READY after 15 s: 1 of 1 objects", result.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  TaskDefinition/orphan: .*playground-missing-role", result.StdOut);
        Assert.False(LoopbackPort.IsInUse(awsPort), $"the AWS proxy still listens on {awsPort} after the playground exited");
    }

    [Fact]
    public async Task Without_moto_installed_the_playground_says_in_one_line_how_to_install_it()
    {
        var result = await PlaygroundProcess.RunAsync(_work, FreePort.Next(), [], new Dictionary<string, string> { ["PATH"] = _work });

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("pip install 'moto[server]'", line, StringComparison.Ordinal);
    }
}

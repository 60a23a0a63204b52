using System.Diagnostics;
using System.Globalization;
using EcsOperator.Testing;
using k8s;
using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>The LocalKube program: READY line, CRDs from a directory, clean exit on SIGTERM.</summary>
public sealed class CommandLineCoreTests
{
    [Fact]
    public async Task The_program_prints_READY_serves_the_crds_directory_and_exits_0_on_SIGTERM()
    {
        var work = Directory.CreateTempSubdirectory("localkube-cli-").FullName;
        try
        {
            var crds = Directory.CreateDirectory(Path.Combine(work, "crds")).FullName;
            await File.WriteAllTextAsync(Path.Combine(crds, "widget.yaml"), WidgetCrdYaml, TestContext.Current.CancellationToken);
            var kubeconfig = Path.Combine(work, "kubeconfig");
            using var process = Start(FreePort.Next(), kubeconfig, crds);
            try
            {
                var ready = await ReadReadyLineAsync(process);
                using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
                var crd = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.test.localkube.dev", cancellationToken: TestContext.Current.CancellationToken);

                await ProcessRunner.RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)], cancellationToken: TestContext.Current.CancellationToken);
                using var exit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
                exit.CancelAfter(TimeSpan.FromSeconds(30));
                await process.WaitForExitAsync(exit.Token);

                Assert.Equal($"READY kubeconfig={kubeconfig}", ready.Split(' ')[0] + " " + ready.Split(' ')[1]);
                Assert.Equal("Widget", crd.Spec.Names.Kind);
                Assert.Equal(0, process.ExitCode);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static Process Start(int port, string kubeconfig, string crds)
    {
        var dll = typeof(LocalKubeServer).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--port", port.ToString(CultureInfo.InvariantCulture), "--kubeconfig-out", kubeconfig, "--crds", crds })
        {
            psi.ArgumentList.Add(arg);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("LocalKube did not start");
    }

    private static async Task<string> ReadReadyLineAsync(Process process)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("READY ", StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"LocalKube exited before READY: {await process.StandardError.ReadToEndAsync(cts.Token)}");
    }

    private const string WidgetCrdYaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.test.localkube.dev
        spec:
          group: test.localkube.dev
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """;
}

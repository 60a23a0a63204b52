using EcsOperator.Aws;
using EcsOperator.Gc;
using EcsOperator.Hosting;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Operations;

/// <summary>`ecs-operator gc --cluster-id (the stack's)` run in process against a stack's LocalKube, through its fault proxy.</summary>
internal static class GcRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(OperatorStack stack, bool confirm)
    {
        Assert.SkipWhen(stack.Kube is null, "gc is run with a kubeconfig for LocalKube");
        var cancellationToken = TestContext.Current.CancellationToken;
        var kubeconfig = Path.Combine(Path.GetTempPath(), TestNames.Unique("gc-kubeconfig"));
        await File.WriteAllTextAsync(kubeconfig, $$$"""
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "{{{stack.Kube.BaseUri.ToString().TrimEnd('/')}}}"}}]
            contexts: [{name: c, context: {cluster: c, user: u}}]
            users: [{name: u, user: {token: t}}]
            current-context: c
            """, cancellationToken);
        try
        {
            var output = new StringWriter();
            var aws = new AwsClientOptions { Region = MotoServer.Region, EndpointUrl = stack.Proxy.Endpoint.ToString().TrimEnd('/') };
            var exit = await GcCommand.RunAsync(new GcOptions(OperatorStack.ClusterId, confirm), kubeconfig, aws, output, cancellationToken);
            return (exit, output.ToString());
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}

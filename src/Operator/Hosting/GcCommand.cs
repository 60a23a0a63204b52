using System.CommandLine;
using EcsOperator.Aws;
using EcsOperator.Gc;
using EcsOperator.Runtime.Client;
using k8s;

namespace EcsOperator.Hosting;

/// <summary>`ecs-operator gc --cluster-id X [--confirm]`: lists, and with --confirm deletes, the AWS resources no object owns.</summary>
public static class GcCommand
{
    public static Command Build()
    {
        var clusterId = new Option<string>("--cluster-id")
        {
            Description = "The ecs.operator.dev/cluster-id tag value to collect (the operator's --cluster-id, or its kube-system namespace UID)",
            Required = true,
        };
        var confirm = new Option<bool>("--confirm") { Description = "Delete the orphans (default: only report them)" };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path to a kubeconfig (default: in-cluster, then $KUBECONFIG, then ~/.kube/config)" };
        var region = new Option<string?>("--region") { Description = "AWS region (default: the AWS SDK's resolution)" };
        var endpoint = UrlOption.Create("--aws-endpoint-url", "Send every AWS call to this endpoint (an emulator such as moto)");
        clusterId.Validators.Add(r => { if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>())) { r.AddError("--cluster-id must not be empty"); } });

        var command = new Command("gc", "List the AWS resources tagged with a cluster-id that no Kubernetes object owns; delete them with --confirm.")
        {
            clusterId, confirm, kubeconfig, region, endpoint,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new GcOptions(parse.GetRequiredValue(clusterId), parse.GetValue(confirm)),
            parse.GetValue(kubeconfig),
            new AwsClientOptions { Region = parse.GetValue(region), EndpointUrl = parse.GetValue(endpoint)?.ToString().TrimEnd('/') },
            Console.Out,
            cancellationToken));
        return command;
    }

    /// <summary>
    /// The command's body, callable in process (the integration test). Expected failures (no API server, AWS refusing
    /// the credentials or a call) are one line on stderr and exit code 1.
    /// </summary>
    public static async Task<int> RunAsync(GcOptions options, string? kubeconfig, AwsClientOptions aws, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var config = KubeConnection.Resolve(kubeconfig);
            await KubeConnection.ProbeAsync(config, KubeConnection.Describe(kubeconfig), cancellationToken);
            using var api = OperatorHost.ApiClient(config);
            var factory = new AwsClientFactory(aws);
            return await new GarbageCollector(new KubeClient(api), factory.CreateEcs(), factory.CreateElbv2(), output).RunAsync(options, cancellationToken);
        }
        catch (KubeConnectionException e)
        {
            return await FailAsync(e.Message);
        }
        catch (AwsServiceException e)
        {
            return await FailAsync($"AWS refused {e.ErrorCode}: {e.Message}");
        }
        catch (Amazon.Runtime.AmazonClientException e)
        {
            // No credentials found, no region: the SDK's own configuration errors.
            return await FailAsync($"AWS client configuration: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return await FailAsync($"cannot reach AWS or the Kubernetes API: {e.Message}");
        }
        catch (k8s.Autorest.HttpOperationException e)
        {
            return await FailAsync($"the Kubernetes API refused a list ({(int)e.Response.StatusCode}): {e.Response.Content}");
        }
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync($"ecs-operator gc: {message}");
        return 1;
    }
}

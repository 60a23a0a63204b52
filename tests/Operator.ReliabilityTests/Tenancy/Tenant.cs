using EcsOperator.IntegrationTests.Controllers;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace EcsOperator.ReliabilityTests.Tenancy;

/// <summary>
/// One tenant: an operator with its own --cluster-id watching its own namespace, as a second Kubernetes cluster
/// sharing the AWS account would run it, and the same-named stack (same object and AWS names) in that namespace.
/// </summary>
public sealed class Tenant : IAsyncDisposable
{
    private readonly IHost _operator;

    private Tenant(IHost host, ServiceStack stack, string clusterId)
    {
        _operator = host;
        Stack = stack;
        ClusterId = clusterId;
    }

    public ServiceStack Stack { get; }

    public string ClusterId { get; }

    public string Namespace => Stack.Namespace;

    public static async Task<Tenant> StartAsync(OperatorStack stack, string clusterId, ServiceStack names)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(names);
        await stack.Objects.CreateNamespaceAsync(names.Namespace);
        var host = stack.BuildOperator(options => options with { ClusterId = clusterId, Namespace = names.Namespace });
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new Tenant(host, names, clusterId);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _operator.StopAsync(timeout.Token);
        _operator.Dispose();
    }
}

using EcsOperator.Aws.Budget;
using EcsOperator.Aws.Core;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Efs;
using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Aws.Iam;
using EcsOperator.Aws.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace EcsOperator.Aws;

/// <summary>Host registration: <c>services.AddEcsOperatorAws(new AwsClientOptions { Region = ..., EndpointUrl = ..., BudgetScale = ... })</c>.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>Registers one <see cref="AwsClientFactory"/> and the four service interfaces as singletons.</summary>
    public static IServiceCollection AddEcsOperatorAws(this IServiceCollection services, AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        // AWS metrics go to the registry /metrics serves (the runtime registers it; the default one otherwise).
        services.AddSingleton(sp => new AwsClientFactory(
            options,
            new AwsCallAccounting(new AwsCallBudget(options.ScaledBudget), new AwsMetrics(sp.GetService<CollectorRegistry>()))));
        services.AddSingleton<IEcsApi>(sp => sp.GetRequiredService<AwsClientFactory>().CreateEcs());
        services.AddSingleton<IElbv2Api>(sp => sp.GetRequiredService<AwsClientFactory>().CreateElbv2());
        services.AddSingleton<IEfsApi>(sp => sp.GetRequiredService<AwsClientFactory>().CreateEfs());
        services.AddSingleton<IIamApi>(sp => sp.GetRequiredService<AwsClientFactory>().CreateIam());
        return services;
    }
}

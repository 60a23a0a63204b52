using EcsOperator.Controllers.Cluster;
using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Controllers.Shared;
using EcsOperator.Controllers.TaskDefinition;
using EcsOperator.Entities;
using EcsOperator.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcsOperator.Controllers;

/// <summary>The controllers' one registration; needs the controller runtime and the AWS clients.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddEcsControllers(this IServiceCollection services, ControllerOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton<ClusterIdentity>();
        services.TryAddScoped(typeof(StatusReporter<>));
        services.TryAddScoped(typeof(ReconcileServices<>));
        services.TryAddScoped<ClusterManager>();
        services.TryAddScoped<TaskDefinitionManager>();
        services.TryAddScoped<TaskDefinitionDependencies>();
        services.TryAddScoped<LoadBalancerBindingManager>();
        services.TryAddScoped<BoundServices>();
        services.TryAddScoped<BindingSteps>();
        services.AddController<V1alpha1Cluster, ClusterReconciler>("cluster");
        services.AddController<V1alpha1TaskDefinition, TaskDefinitionReconciler>("taskdefinition");
        services.AddController<V1alpha1LoadBalancerBinding, LoadBalancerBindingReconciler>("loadbalancerbinding", binding => binding
            .Index(Indexes.ServiceRef, Indexes.ServiceRefOf)
            .WatchesThroughIndex<V1alpha1Service>(Indexes.ServiceRef));
        return services;
    }
}

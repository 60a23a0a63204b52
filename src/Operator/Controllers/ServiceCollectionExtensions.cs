using System.Diagnostics.CodeAnalysis;
using EcsOperator.Controllers.Cluster;
using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Controllers.TaskDefinition;
using EcsOperator.Entities;
using EcsOperator.Runtime;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Controller;
using EcsOperator.Runtime.Reconcile;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace EcsOperator.Controllers;

/// <summary>The controllers' one registration; needs the controller runtime and the AWS clients.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddEcsControllers(this IServiceCollection services, ControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton<ClusterIdentity>();
        services.TryAddScoped(typeof(StatusReporter<>));
        services.TryAddScoped(typeof(ReconcileServices<>));
        services.TryAddSingleton(typeof(PrefetchedObservations<>));
        services.TryAddScoped<ClusterManager>();
        services.TryAddScoped<TaskDefinitionManager>();
        services.TryAddScoped<TaskDefinitionDependencies>();
        services.TryAddScoped<ServiceManager>();
        services.TryAddScoped<ServiceReferences>();
        services.TryAddSingleton(sp => new DriftReporter(sp.GetService<CollectorRegistry>()));
        services.TryAddScoped<LoadBalancerBindingManager>();
        services.TryAddScoped<BoundServices>();
        services.TryAddScoped<BindingSteps>();
        var batched = options.ResyncStrategy == ResyncStrategy.Batched;
        services.AddController<V1alpha1Cluster, ClusterReconciler>("cluster", c => BatchedResync<V1alpha1Cluster, ClusterResyncSweep>(c, batched));
        services.AddController<V1alpha1TaskDefinition, TaskDefinitionReconciler>("taskdefinition", c => c
            .Watches<V1alpha1Service>(TaskDefinitionsWaitingFor));
        services.AddController<V1alpha1Service, ServiceReconciler>("service", c => BatchedResync<V1alpha1Service, ServiceResyncSweep>(c, batched)
            .Index(Indexes.ClusterRef, Indexes.ClusterRefOf)
            .Index(Indexes.TaskDefinitionRef, Indexes.TaskDefinitionRefOf)
            .WatchesThroughIndex<V1alpha1Cluster>(Indexes.ClusterRef, c => ServiceReferences.WhatAServiceReads(c, c.Status.Arn))
            .WatchesThroughIndex<V1alpha1TaskDefinition>(Indexes.TaskDefinitionRef, t => ServiceReferences.WhatAServiceReads(t, t.Status.Arn))
            .Watches<V1alpha1LoadBalancerBinding>((binding, _) => [new ReconcileRequest(binding.Metadata.NamespaceProperty ?? string.Empty, binding.Spec.ServiceRef.Name)]));
        services.AddController<V1alpha1LoadBalancerBinding, LoadBalancerBindingReconciler>("loadbalancerbinding", binding => binding
            .Index(Indexes.ServiceRef, Indexes.ServiceRefOf)
            .WatchesThroughIndex<V1alpha1Service>(Indexes.ServiceRef)
            .WatchesThroughIndexes<V1alpha1TaskDefinition, V1alpha1Service>(Indexes.TaskDefinitionRef, Indexes.ServiceRef));
        return services;
    }

    /// <summary>The kind's batched sweep with --resync-strategy batched; per-object keeps the runtime's enqueue-all default.</summary>
    private static ControllerBuilder<TEntity> BatchedResync<TEntity, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSweep>(ControllerBuilder<TEntity> controller, bool batched)
        where TEntity : class, IEcsResource
        where TSweep : class, IResyncSweep<TEntity> =>
        batched ? controller.ResyncWith<TSweep>() : controller;

    /// <summary>A Service's change matters to its TaskDefinition only while that one waits to be deleted (DependentsExist).</summary>
    private static IEnumerable<ReconcileRequest> TaskDefinitionsWaitingFor(V1alpha1Service service, IResourceCache<V1alpha1TaskDefinition> taskDefinitions)
    {
        if (service.Spec.TaskDefinitionRef is not { } reference)
        {
            return [];
        }

        var request = new ReconcileRequest(service.Metadata.NamespaceProperty ?? string.Empty, reference.Name);
        return taskDefinitions.Get(request)?.Metadata.DeletionTimestamp is null ? [] : [request];
    }
}

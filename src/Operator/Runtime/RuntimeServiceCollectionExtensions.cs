using System.Diagnostics.CodeAnalysis;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Client;
using EcsOperator.Runtime.Controller;
using EcsOperator.Runtime.LeaderElection;
using EcsOperator.Runtime.Metrics;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EcsOperator.Runtime;

/// <summary>
/// The seam between the host (Program.cs) and the runtime: one call for the runtime, one per controller.
/// <code>
/// services.AddControllerRuntime(options);
/// services.AddController&lt;V1alpha1Service, ServiceReconciler&gt;("service", c => c
///     .Index("taskDefinitionRef", s => ...)
///     .WatchesThroughIndex&lt;V1alpha1TaskDefinition&gt;("taskDefinitionRef"));
/// </code>
/// </summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the gateway, metrics, events, finalizers, status writers, leader election and the hosted service.
    /// Pre-registered IKubernetes or CollectorRegistry instances win (tests use their own).
    /// </summary>
    public static IServiceCollection AddControllerRuntime(this IServiceCollection services, OperatorRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid runtime options: " + string.Join("; ", errors), nameof(options));
        }

        services.AddSingleton(options);
        services.AddSingleton(options.LeaderElection);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IKubernetes>(_ => KubeConnection.CreateClient(options.Kubeconfig));
        services.TryAddSingleton<IKubeClient, KubeClient>();
        services.AddSingleton(new ShardScope(options.Namespace, LabelSelector.Parse(options.LabelSelector)));
        services.AddSingleton<ReferenceResolver>();
        services.TryAddSingleton(Prometheus.Metrics.DefaultRegistry);
        services.AddSingleton<RuntimeMetrics>();
        services.AddSingleton<MetricsAccess>();
        services.AddSingleton(sp => new Finalizers(sp.GetRequiredService<IKubeClient>()));
        services.AddSingleton(new EventRecorderOptions { ReportingInstance = options.ReportingInstance ?? Environment.MachineName });
        services.TryAddSingleton<IEventRecorder, EventRecorder>();
        services.TryAddSingleton(typeof(StatusWriter<>));
        services.AddSingleton<LeaderElectionRunner>();
        services.AddSingleton<ControllerRuntimeHost>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ControllerRuntimeHost>());
        return services;
    }

    /// <summary>Registers a controller for <typeparamref name="TEntity"/>: its informer, its reconciler (scoped per reconcile) and its watches.</summary>
    public static IServiceCollection AddController<TEntity, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TReconciler>(this IServiceCollection services, string name, Action<ControllerBuilder<TEntity>>? configure = null)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
        where TReconciler : class, IReconciler<TEntity>
    {
        services.AddInformer<TEntity>();
        services.AddScoped<IReconciler<TEntity>, TReconciler>();
        var builder = new ControllerBuilder<TEntity>(services);
        configure?.Invoke(builder);
        services.TryAddSingleton<IResyncSweep<TEntity>, EnqueueAllSweep<TEntity>>();
        services.AddSingleton(sp =>
        {
            var controller = new KindController<TEntity>(
                name,
                sp.GetRequiredService<Informer<TEntity>>(),
                sp.GetRequiredService<IServiceScopeFactory>(),
                sp.GetRequiredService<Finalizers>(),
                sp.GetRequiredService<RuntimeMetrics>(),
                new TerminalErrorReporter(sp.GetRequiredService<IKubeClient>(), sp.GetRequiredService<IEventRecorder>(), sp.GetRequiredService<TimeProvider>()),
                sp.GetRequiredService<IResyncSweep<TEntity>>(),
                sp.GetRequiredService<OperatorRuntimeOptions>().ResyncPeriod,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger($"EcsOperator.Runtime.Controller.{name}"));
            foreach (var watch in builder.WatchSetups)
            {
                watch(sp, controller);
            }

            return controller;
        });
        services.AddSingleton<IController>(sp => sp.GetRequiredService<KindController<TEntity>>());
        return services;
    }

    /// <summary>Registers an informer (and its cache as <see cref="IResourceCache{TEntity}"/>) once per kind.</summary>
    public static IServiceCollection AddInformer<TEntity>(this IServiceCollection services)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        if (services.Any(d => d.ServiceType == typeof(Informer<TEntity>)))
        {
            return services;
        }

        services.AddSingleton(sp =>
        {
            var informer = ActivatorUtilities.CreateInstance<Informer<TEntity>>(sp);
            informer.Subscribe(new ResourceConditionCounter<TEntity>(informer.Kind, sp.GetRequiredService<RuntimeMetrics>()).OnChange);
            return informer;
        });
        services.AddSingleton<IResourceCache<TEntity>>(sp => sp.GetRequiredService<Informer<TEntity>>().Cache);
        services.AddSingleton<IInformer>(sp => sp.GetRequiredService<Informer<TEntity>>());
        return services;
    }
}

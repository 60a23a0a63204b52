using EcsOperator.Runtime;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Controller;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Testing;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace EcsOperator.IntegrationTests.Runtime;

/// <summary>
/// One operator process, as far as the runtime can tell: its own API client, metrics registry, informers, lease
/// identity and hosted service, wired through AddControllerRuntime/AddController exactly as Program.cs does.
/// </summary>
public sealed class OperatorInstance : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private bool _stopped;

    public OperatorInstance(RuntimeKube kube, OperatorRuntimeOptions options, Reconcile behaviour, string name = "op", TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(kube);
        Name = name;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<IKubernetes>(_ => RuntimeKube.NewApi(kube.Server));
        services.AddSingleton(Registry);
        services.AddSingleton(new Behaviour(this, behaviour));
        options.Namespace ??= kube.Namespace;
        services.AddControllerRuntime(options);
        services.AddController<Widget, DelegatingReconciler>("widget");
        _provider = services.BuildServiceProvider();
        Host = _provider.GetRequiredService<ControllerRuntimeHost>();
        Controller = _provider.GetRequiredService<KindController<Widget>>();
        Informer = _provider.GetRequiredService<Informer<Widget>>();
    }

    /// <summary>What the test's reconciler does; it gets the instance running it and that instance's status writer.</summary>
    public delegate Task<ReconcileResult> Reconcile(OperatorInstance instance, ReconcileRequest request, Widget? widget, StatusWriter<Widget> status, CancellationToken cancellationToken);

    public string Name { get; }

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    public ControllerRuntimeHost Host { get; }

    public KindController<Widget> Controller { get; }

    public Informer<Widget> Informer { get; }

    /// <summary>The sum of every sample of a metric in this instance's registry, as a scrape would show it.</summary>
    public async Task<double> MetricAsync(string name)
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream);
        return PrometheusText.Sum(System.Text.Encoding.UTF8.GetString(stream.ToArray()), name);
    }

    public int Reconciles => Volatile.Read(ref _reconciles);

    public int Finalizes => Volatile.Read(ref _finalizes);

    private int _reconciles;
    private int _finalizes;

    public Task StartAsync() => Host.StartAsync(CancellationToken.None);

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await Host.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _provider.DisposeAsync();
    }

    internal sealed record Behaviour(OperatorInstance Instance, Reconcile Run);

    internal sealed class DelegatingReconciler(Behaviour behaviour, StatusWriter<Widget> status) : IReconciler<Widget>
    {
        public Task<ReconcileResult> ReconcileAsync(Widget obj, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref behaviour.Instance._reconciles);
            return behaviour.Run(behaviour.Instance, ReconcileRequest.For(obj), obj, status, cancellationToken);
        }

        public Task<ReconcileResult> FinalizeAsync(Widget obj, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref behaviour.Instance._finalizes);
            return Task.FromResult(ReconcileResult.Done);
        }
    }
}

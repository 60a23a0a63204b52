using EcsOperator.Runtime;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Client;
using EcsOperator.Runtime.Controller;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;
using Xunit;

namespace EcsOperator.Tests.Runtime;

/// <summary>
/// Runs the real informer, queue and controller (wired through AddControllerRuntime/AddController) against a
/// <see cref="FakeKubeClient{TEntity}"/>, with a reconciler whose behaviour each test supplies.
/// </summary>
public sealed class ControllerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    public ControllerHarness(Action<ControllerBuilder<Widget>>? configure = null, TimeProvider? time = null, TimeSpan? resyncPeriod = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<IKubeClient>(Kube);
        services.AddSingleton(Registry);
        services.AddSingleton(Reconciler);
        services.AddControllerRuntime(new OperatorRuntimeOptions { MetricsBindAddress = "0", HealthProbeBindAddress = "0", ResyncPeriod = resyncPeriod ?? TimeSpan.FromMinutes(10) });
        services.AddController<Widget, ScriptedReconciler>("widget", configure);
        _provider = services.BuildServiceProvider();
        Controller = _provider.GetRequiredService<KindController<Widget>>();
        Informer = _provider.GetRequiredService<Informer<Widget>>();
        StatusWriter = _provider.GetRequiredService<StatusWriter<Widget>>();
        Events = (EventRecorder)_provider.GetRequiredService<IEventRecorder>();
    }

    /// <summary>The runtime's recorder: its events reach <see cref="Kube"/> after the reconcile, FlushAsync waits for them.</summary>
    public EventRecorder Events { get; }

    public FakeKubeClient<Widget> Kube { get; } = new();

    /// <summary>Every line logged through the harness's logger factory, with the scopes open at the time.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public ILoggerFactory LoggerFactory => _provider.GetRequiredService<ILoggerFactory>();

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    public ScriptedReconciler.Script Reconciler { get; } = new();

    public KindController<Widget> Controller { get; }

    public Informer<Widget> Informer { get; }

    public StatusWriter<Widget> StatusWriter { get; }

    public async Task StartAsync(int workers = 2)
    {
        _loops.Add(Task.Run(() => Informer.RunAsync(_stop.Token)));
        await Informer.WaitForSyncAsync(_stop.Token);
        _loops.Add(Task.Run(() => Controller.RunWorkersAsync(workers, _stop.Token)));
    }

    /// <summary>
    /// True when the informer has applied the fake's newest change and the controller's queue is idle: from here on
    /// nothing runs until an object changes or the clock moves, so counts read now are final.
    /// </summary>
    public bool IsSettled => Informer.ResourceVersion == Kube.ResourceVersion && Controller.Queue.IsIdle;

    /// <summary>The sum of every sample of a metric in the harness's registry, as a scrape would show it.</summary>
    public async Task<double> MetricAsync(string name)
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream, TestContext.Current.CancellationToken);
        return PrometheusText.Sum(System.Text.Encoding.UTF8.GetString(stream.ToArray()), name);
    }

    public async ValueTask DisposeAsync()
    {
        await Controller.ShutDownAsync(TimeSpan.FromSeconds(5));
        await _stop.CancelAsync();
        await Task.WhenAll(_loops).ContinueWith(_ => { }, TaskScheduler.Default);
        await _provider.DisposeAsync();
        _stop.Dispose();
    }
}

/// <summary>A reconciler that counts its calls and runs whatever the test scripted.</summary>
public sealed class ScriptedReconciler(ScriptedReconciler.Script script) : IReconciler<Widget>
{
    public Task<ReconcileResult> ReconcileAsync(Widget obj, CancellationToken cancellationToken)
    {
        var request = ReconcileRequest.For(obj);
        script.Record(request, finalizing: false);
        return script.OnReconcile(request, obj, cancellationToken);
    }

    public Task<ReconcileResult> FinalizeAsync(Widget obj, CancellationToken cancellationToken)
    {
        var request = ReconcileRequest.For(obj);
        script.Record(request, finalizing: true);
        return script.OnFinalize(request, obj, cancellationToken);
    }

    public sealed class Script
    {
        private readonly Lock _gate = new();
        private readonly List<(ReconcileRequest Request, bool Finalizing)> _calls = [];

        public Func<ReconcileRequest, Widget?, CancellationToken, Task<ReconcileResult>> OnReconcile { get; set; } = (_, _, _) => Task.FromResult(ReconcileResult.Done);

        public Func<ReconcileRequest, Widget?, CancellationToken, Task<ReconcileResult>> OnFinalize { get; set; } = (_, _, _) => Task.FromResult(ReconcileResult.Done);

        public int Reconciles(string key) => Count(key, finalizing: false);

        public int Finalizes(string key) => Count(key, finalizing: true);

        internal void Record(ReconcileRequest request, bool finalizing)
        {
            lock (_gate)
            {
                _calls.Add((request, finalizing));
            }
        }

        private int Count(string key, bool finalizing)
        {
            lock (_gate)
            {
                return _calls.Count(c => c.Request.ToString() == key && c.Finalizing == finalizing);
            }
        }
    }
}

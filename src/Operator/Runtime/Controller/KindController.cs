using System.Collections.Concurrent;
using System.Diagnostics;
using EcsOperator.Diagnostics;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Metrics;
using EcsOperator.Runtime.Queue;
using EcsOperator.Runtime.Reconcile;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Runtime.Controller;

/// <summary>
/// The reconcile loop for one kind: informer events feed a <see cref="WorkQueue{T}"/> of requests; workers take
/// requests, add the finalizer, and call the reconciler (or its FinalizeAsync for objects being deleted); the result
/// decides whether and when the request comes back.
/// </summary>
public sealed class KindController<TEntity> : IController
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Informer<TEntity> _informer;
    private readonly IServiceScopeFactory _scopes;
    private readonly Finalizers _finalizers;
    private readonly ILogger _logger;
    private readonly RuntimeMetrics.ControllerMetrics _metrics;
    private readonly TerminalErrorReporter _terminalReporter;
    private readonly IResyncSweep<TEntity> _resync;
    private readonly TimeSpan _resyncPeriod;
    private int _runningWorkers;
    private readonly ConcurrentDictionary<ReconcileRequest, UInt128> _terminal = new();

    // When the watch event that queued a key arrived (the first one while it waits), for WatchEventTrigger.
    private readonly ConcurrentDictionary<ReconcileRequest, long> _eventReceived = new();

    public KindController(string name, Informer<TEntity> informer, IServiceScopeFactory scopes, Finalizers finalizers, RuntimeMetrics metrics, TerminalErrorReporter terminalReporter, IResyncSweep<TEntity> resync, TimeSpan resyncPeriod, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(informer);
        ArgumentNullException.ThrowIfNull(metrics);
        Name = name;
        _informer = informer;
        _scopes = scopes;
        _finalizers = finalizers;
        _logger = logger;
        _terminalReporter = terminalReporter;
        _resync = resync;
        _resyncPeriod = resyncPeriod;
        WorkQueue<ReconcileRequest>? queue = null;
        _metrics = metrics.ForController(name, () => queue?.InFlightDurations() ?? []);
        Queue = queue = new WorkQueue<ReconcileRequest>(metrics: _metrics, time: time);
        informer.Subscribe(OnOwnChange);
    }

    public string Name { get; }

    public WorkQueue<ReconcileRequest> Queue { get; }

    /// <summary>Worker loops alive now: zero while not leading, so nothing can be reconciled.</summary>
    public int RunningWorkers => Volatile.Read(ref _runningWorkers);

    public IResourceCache<TEntity> Cache => _informer.Cache;

    public void Enqueue(ReconcileRequest request) => Queue.Add(request);

    public void EnqueueAll()
    {
        foreach (var key in _informer.Cache.Keys())
        {
            Queue.Add(key);
        }
    }

    public async Task ResyncAsync(CancellationToken cancellationToken)
    {
        _metrics.Resynced();
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _resync.SweepAsync(_informer.Cache.Keys(), Queue.Add, cancellationToken);
        }
        finally
        {
            _metrics.SweepFinished(Stopwatch.GetElapsedTime(started));
        }
    }

    public async Task RunWorkersAsync(int workers, CancellationToken cancellationToken)
    {
        _metrics.SetMaxConcurrent(workers);
        Log.WorkersStarting(_logger, Name, workers);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None)));
        Log.WorkersStopped(_logger, Name);
    }

    public Task<bool> ShutDownAsync(TimeSpan deadline) => Queue.ShutDownAsync(deadline);

    private void OnOwnChange(InformerEvent<TEntity> change)
    {
        if (change.Type == InformerEventType.Deleted)
        {
            // Gone for good: a recreated object of the same name is a new object, never parked.
            _terminal.TryRemove(ReconcileRequest.For(change.Object), out _);
        }

        if (ChangeFilter.RequeuesOwner(change))
        {
            var request = ReconcileRequest.For(change.Object);
            _eventReceived.TryAdd(request, Stopwatch.GetTimestamp());
            Queue.Add(request);
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runningWorkers);
        try
        {
            await TakeAndProcessAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _runningWorkers);
        }
    }

    private async Task TakeAndProcessAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (ok, request) = await Queue.TryTakeAsync(cancellationToken);
            if (!ok)
            {
                return;
            }

            _metrics.WorkerStarted();
            try
            {
                await ProcessAsync(request, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Queue.Add(request);
            }
            catch (Exception e)
            {
                // A failure outside the reconciler (finalizer patch, stall report): retry like any other failure.
                Log.ReconcileFailed(_logger, e, Name, request.ToString(), Queue.Retries(request) + 1);
                Queue.AddRateLimited(request);
            }
            finally
            {
                _metrics.WorkerStopped();
                Queue.Done(request);
            }
        }
    }

    private async Task ProcessAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var trigger = _eventReceived.TryRemove(request, out var received) ? WatchEventTrigger.Begin(received) : default;
        var obj = _informer.Cache.Get(request);
        if (obj is null || IsParkedAsTerminal(request, obj))
        {
            Queue.Forget(request);
            return;
        }

        // Taken before the reconciler runs: it receives this very object and may change it.
        var fingerprint = ChangeFilter.Fingerprint(obj.Metadata);
        using var logScope = _logger.BeginScope(ReconcileLogScope.For(obj));

        string outcome;
        try
        {
            var result = await RunReconcilerAsync(obj, cancellationToken);
            Queue.Forget(request);
            _terminal.TryRemove(request, out _);
            outcome = ScheduleNext(request, result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Leadership was lost mid-reconcile: the next leader (maybe us) must look at this object again.
            Queue.Add(request);
            return;
        }
        catch (TerminalReconcileException e)
        {
            await ParkAsync(request, obj, fingerprint, e, cancellationToken);
            outcome = RuntimeMetrics.ControllerMetrics.Error;
        }
        catch (Exception e)
        {
            Log.ReconcileFailed(_logger, e, Name, request.ToString(), Queue.Retries(request) + 1);
            Queue.AddRateLimited(request);
            outcome = RuntimeMetrics.ControllerMetrics.Error;
        }

        _metrics.Reconciled(outcome, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Shows the terminal error (Stalled, a Warning event), then parks the object until a human changes it. Parked
    /// only once the report went through: a failed report is retried, or Stalled would never be shown.
    /// </summary>
    private async Task ParkAsync(ReconcileRequest request, TEntity obj, UInt128 fingerprint, TerminalReconcileException error, CancellationToken cancellationToken)
    {
        Log.TerminalError(_logger, error, Name, request.ToString(), error.Reason);
        _metrics.TerminalError();
        try
        {
            await _terminalReporter.ReportAsync(obj, _informer.Cache.Get(request), error, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ReconcileFailed(_logger, e, Name, request.ToString(), Queue.Retries(request) + 1);
            Queue.AddRateLimited(request);
            return;
        }

        _terminal[request] = fingerprint;
        Queue.Forget(request);
    }

    private async Task<ReconcileResult> RunReconcilerAsync(TEntity obj, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var reconciler = scope.ServiceProvider.GetRequiredService<IReconciler<TEntity>>();
        if (obj.Metadata.DeletionTimestamp is not null)
        {
            if (!_finalizers.IsPresent(obj))
            {
                return ReconcileResult.Done;
            }

            var finalized = await reconciler.FinalizeAsync(obj, cancellationToken);
            if (finalized.RequeueAfter is null)
            {
                await _finalizers.RemoveAsync(obj, cancellationToken);
            }

            return finalized;
        }

        // The finalizer goes on before the reconciler can touch anything outside the cluster.
        if (!await _finalizers.EnsureAsync(obj, cancellationToken))
        {
            return ReconcileResult.Done;
        }

        return await reconciler.ReconcileAsync(obj, cancellationToken);
    }

    private string ScheduleNext(ReconcileRequest request, ReconcileResult result)
    {
        // A requeue no sooner than the next resync is the resync's job: two sources would reconcile the object twice.
        if (result.RequeueAfter is not { } delay || delay >= _resyncPeriod)
        {
            return RuntimeMetrics.ControllerMetrics.Success;
        }

        if (delay <= TimeSpan.Zero)
        {
            Queue.Add(request);
            return RuntimeMetrics.ControllerMetrics.Requeue;
        }

        Queue.AddAfter(request, delay);
        return RuntimeMetrics.ControllerMetrics.RequeueAfter;
    }

    /// <summary>Objects parked after a terminal error (for tests: entries must not outlive their objects).</summary>
    internal int ParkedCount => _terminal.Count;

    /// <summary>A terminal error waits for a human: skip the object until its uid, generation, annotations or deletion change.</summary>
    private bool IsParkedAsTerminal(ReconcileRequest request, TEntity obj) =>
        _terminal.TryGetValue(request, out var fingerprint) && fingerprint == ChangeFilter.Fingerprint(obj.Metadata);
}

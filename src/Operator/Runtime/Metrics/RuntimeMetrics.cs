using EcsOperator.Runtime.Queue;
using Prometheus;

namespace EcsOperator.Runtime.Metrics;

/// <summary>
/// The runtime's Prometheus metrics, with controller-runtime's names and labels so that existing dashboards and
/// alerts work unchanged. One instance per registry; tests use their own registry.
/// </summary>
public sealed class RuntimeMetrics
{
    private static readonly double[] DurationBuckets = Histogram.ExponentialBuckets(0.001, 2, 20);
    private readonly Counter _reconcileTotal;
    private readonly Counter _reconcileErrors;
    private readonly Counter _terminalErrors;
    private readonly Histogram _reconcileTime;
    private readonly Gauge _maxConcurrent;
    private readonly Gauge _activeWorkers;
    private readonly Gauge _depth;
    private readonly Counter _adds;
    private readonly Histogram _queueDuration;
    private readonly Histogram _workDuration;
    private readonly Counter _retries;
    private readonly Gauge _longestRunning;
    private readonly Gauge _unfinishedWork;
    private readonly Gauge _leaderStatus;
    private readonly Counter _resyncs;
    private readonly Histogram _sweepDuration;
    private readonly Gauge _resources;

    public RuntimeMetrics(CollectorRegistry registry)
    {
        Registry = registry ?? throw new ArgumentNullException(nameof(registry));
        var f = Prometheus.Metrics.WithCustomRegistry(registry);
        string[] controller = ["controller"];
        string[] queue = ["controller", "name"];
        _reconcileTotal = f.CreateCounter("controller_runtime_reconcile_total", "Total number of reconciliations per controller", new CounterConfiguration { LabelNames = ["controller", "result"] });
        _reconcileErrors = f.CreateCounter("controller_runtime_reconcile_errors_total", "Total number of reconciliation errors per controller", new CounterConfiguration { LabelNames = controller });
        _terminalErrors = f.CreateCounter("controller_runtime_terminal_reconcile_errors_total", "Total number of terminal reconciliation errors per controller", new CounterConfiguration { LabelNames = controller });
        _reconcileTime = f.CreateHistogram("controller_runtime_reconcile_time_seconds", "Length of time per reconciliation per controller", new HistogramConfiguration { LabelNames = controller, Buckets = DurationBuckets });
        _maxConcurrent = f.CreateGauge("controller_runtime_max_concurrent_reconciles", "Maximum number of concurrent reconciles per controller", new GaugeConfiguration { LabelNames = controller });
        _activeWorkers = f.CreateGauge("controller_runtime_active_workers", "Number of currently used workers per controller", new GaugeConfiguration { LabelNames = controller });
        _depth = f.CreateGauge("workqueue_depth", "Current depth of workqueue", new GaugeConfiguration { LabelNames = queue });
        _adds = f.CreateCounter("workqueue_adds_total", "Total number of adds handled by workqueue", new CounterConfiguration { LabelNames = queue });
        _queueDuration = f.CreateHistogram("workqueue_queue_duration_seconds", "How long in seconds an item stays in workqueue before being requested", new HistogramConfiguration { LabelNames = queue, Buckets = DurationBuckets });
        _workDuration = f.CreateHistogram("workqueue_work_duration_seconds", "How long in seconds processing an item from workqueue takes", new HistogramConfiguration { LabelNames = queue, Buckets = DurationBuckets });
        _retries = f.CreateCounter("workqueue_retries_total", "Total number of retries handled by workqueue", new CounterConfiguration { LabelNames = queue });
        _longestRunning = f.CreateGauge("workqueue_longest_running_processor_seconds", "How many seconds has the longest running processor for workqueue been running", new GaugeConfiguration { LabelNames = queue });
        _unfinishedWork = f.CreateGauge("workqueue_unfinished_work_seconds", "How many seconds of work has been done that is in progress and hasn't been observed by work_duration", new GaugeConfiguration { LabelNames = queue });
        _resyncs = f.CreateCounter("ecs_operator_resync_sweeps_total", "Periodic resync sweeps started per controller (each queues every object once)", new CounterConfiguration { LabelNames = controller });
        _sweepDuration = f.CreateHistogram("ecs_operator_resync_sweep_duration_seconds", "How long a periodic resync sweep took to read AWS in batches and queue every object, per controller; its count is the sweeps finished", new HistogramConfiguration { LabelNames = controller, Buckets = DurationBuckets });
        _resources = f.CreateGauge("ecs_operator_resources", "Objects per kind whose kstatus condition (Ready, Reconciling, Stalled) has the given status", new GaugeConfiguration { LabelNames = ["kind", "condition", "status"] });
        _leaderStatus = f.CreateGauge("leader_election_master_status", "Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates master", new GaugeConfiguration { LabelNames = ["name"] });
    }

    public CollectorRegistry Registry { get; }

    public void SetLeader(string leaseName, bool leading) => _leaderStatus.WithLabels(leaseName).Set(leading ? 1 : 0);

    /// <summary>Moves the ecs_operator_resources count of one (kind, condition, status) by <paramref name="delta"/>.</summary>
    public void CountResources(string kind, string condition, string status, int delta) => _resources.WithLabels(kind, condition, status).Inc(delta);

    /// <summary>The per-controller view: reconcile counters and the work queue's metrics.</summary>
    public ControllerMetrics ForController(string controller, Func<IReadOnlyList<TimeSpan>> inFlight)
    {
        ArgumentNullException.ThrowIfNull(inFlight);
        var metrics = new ControllerMetrics(this, controller);

        // Initialise every result label so that a scrape shows the series at 0 before the first reconcile.
        foreach (var result in ControllerMetrics.Results)
        {
            _reconcileTotal.WithLabels(controller, result);
        }

        _reconcileErrors.WithLabels(controller);
        _terminalErrors.WithLabels(controller);
        _resyncs.WithLabels(controller);
        _sweepDuration.WithLabels(controller);
        _adds.WithLabels(controller, controller);
        _retries.WithLabels(controller, controller);
        Registry.AddBeforeCollectCallback(() =>
        {
            var durations = inFlight();
            _longestRunning.WithLabels(controller, controller).Set(durations.Count == 0 ? 0 : durations.Max().TotalSeconds);
            _unfinishedWork.WithLabels(controller, controller).Set(durations.Sum(d => d.TotalSeconds));
        });
        return metrics;
    }

    /// <summary>Metrics of one controller and its queue; also the queue's <see cref="IWorkQueueMetrics"/>.</summary>
    public sealed class ControllerMetrics(RuntimeMetrics owner, string controller) : IWorkQueueMetrics
    {
        public const string Success = "success";
        public const string Error = "error";
        public const string Requeue = "requeue";
        public const string RequeueAfter = "requeue_after";

        internal static readonly string[] Results = [Success, Error, Requeue, RequeueAfter];

        public void Reconciled(string result, TimeSpan duration)
        {
            owner._reconcileTotal.WithLabels(controller, result).Inc();
            owner._reconcileTime.WithLabels(controller).Observe(duration.TotalSeconds);
            if (result == Error)
            {
                owner._reconcileErrors.WithLabels(controller).Inc();
            }
        }

        /// <summary>A terminal error, counted apart (it is also an error of <see cref="Reconciled"/>).</summary>
        public void TerminalError() => owner._terminalErrors.WithLabels(controller).Inc();

        public void Resynced() => owner._resyncs.WithLabels(controller).Inc();

        /// <summary>A sweep has queued every object (its batch reads done, or failed).</summary>
        public void SweepFinished(TimeSpan duration) => owner._sweepDuration.WithLabels(controller).Observe(duration.TotalSeconds);

        public void SetMaxConcurrent(int workers) => owner._maxConcurrent.WithLabels(controller).Set(workers);

        public void WorkerStarted() => owner._activeWorkers.WithLabels(controller).Inc();

        public void WorkerStopped() => owner._activeWorkers.WithLabels(controller).Dec();

        public void Added(int depth)
        {
            owner._adds.WithLabels(controller, controller).Inc();
            owner._depth.WithLabels(controller, controller).Set(depth);
        }

        public void Started(TimeSpan waitedInQueue, int depth)
        {
            owner._queueDuration.WithLabels(controller, controller).Observe(waitedInQueue.TotalSeconds);
            owner._depth.WithLabels(controller, controller).Set(depth);
        }

        public void Finished(TimeSpan workDuration) => owner._workDuration.WithLabels(controller, controller).Observe(workDuration.TotalSeconds);

        public void Retried() => owner._retries.WithLabels(controller, controller).Inc();
    }
}

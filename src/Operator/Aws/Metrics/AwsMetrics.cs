using Prometheus;

namespace EcsOperator.Aws.Metrics;

/// <summary>
/// Per-attempt AWS call metrics: ecs_operator_aws_requests_total{service,operation,code} (code is "OK" or the AWS
/// error code, so retries of throttled calls show up), a latency histogram and the time spent waiting for budget.
/// </summary>
public sealed class AwsMetrics
{
    public AwsMetrics(CollectorRegistry? registry = null)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry ?? Prometheus.Metrics.DefaultRegistry);
        Requests = factory.CreateCounter(
            "ecs_operator_aws_requests_total",
            "AWS API attempts by service, operation and result code (OK or the AWS error code).",
            new CounterConfiguration { LabelNames = ["service", "operation", "code"] });
        Latency = factory.CreateHistogram(
            "ecs_operator_aws_request_duration_seconds",
            "Latency of AWS API attempts.",
            new HistogramConfiguration
            {
                LabelNames = ["service", "operation"],
                Buckets = Histogram.ExponentialBuckets(0.005, 2, 12),
            });
        BudgetWait = factory.CreateHistogram(
            "ecs_operator_aws_budget_wait_seconds",
            "Time AWS calls waited for a token of the client-side call budget.",
            new HistogramConfiguration
            {
                LabelNames = ["family"],
                Buckets = Histogram.ExponentialBuckets(0.001, 4, 10),
            });
        WatchEventToCall = factory.CreateHistogram(
            "ecs_operator_watch_event_to_aws_call_seconds",
            "From a watch event to the first AWS call of the reconcile it caused, budget wait excluded: informer, queue and reconcile overhead.",
            new HistogramConfiguration { Buckets = WatchEventToCallBuckets });
    }

    /// <summary>Fine around the 20 ms latency target (docs/performance.md), coarse beyond.</summary>
    public static double[] WatchEventToCallBuckets { get; } =
        [0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.0125, 0.015, 0.0175, 0.02, 0.025, 0.03, 0.04, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public Counter Requests { get; }

    public Histogram Latency { get; }

    public Histogram BudgetWait { get; }

    public Histogram WatchEventToCall { get; }

    public void Record(string service, string operation, string code, TimeSpan elapsed)
    {
        Requests.WithLabels(service, operation, code).Inc();
        Latency.WithLabels(service, operation).Observe(elapsed.TotalSeconds);
    }
}

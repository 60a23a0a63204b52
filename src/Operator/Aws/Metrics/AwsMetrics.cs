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
    }

    public Counter Requests { get; }

    public Histogram Latency { get; }

    public Histogram BudgetWait { get; }

    public void Record(string service, string operation, string code, TimeSpan elapsed)
    {
        Requests.WithLabels(service, operation, code).Inc();
        Latency.WithLabels(service, operation).Observe(elapsed.TotalSeconds);
    }
}

namespace EcsOperator.Runtime.Queue;

/// <summary>What a <see cref="WorkQueue{T}"/> reports as it runs; the Prometheus implementation lives in <see cref="Metrics.RuntimeMetrics"/>.</summary>
public interface IWorkQueueMetrics
{
    void Added(int depth);

    void Started(TimeSpan waitedInQueue, int depth);

    void Finished(TimeSpan workDuration);

    void Retried();

    /// <summary>Reports nothing; for queues nobody scrapes (tests, benchmarks).</summary>
    public static IWorkQueueMetrics None { get; } = new NoMetrics();

    private sealed class NoMetrics : IWorkQueueMetrics
    {
        public void Added(int depth)
        {
        }

        public void Started(TimeSpan waitedInQueue, int depth)
        {
        }

        public void Finished(TimeSpan workDuration)
        {
        }

        public void Retried()
        {
        }
    }
}

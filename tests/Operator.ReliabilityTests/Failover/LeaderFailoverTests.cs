using System.Globalization;
using AwsFaultProxy;
using EcsOperator.ReliabilityTests.Harness;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.ReliabilityTests.Failover;

/// <summary>
/// Scenario 4: two `ecs-operator run` replicas with leader election on short timings (lease 3 s, renew deadline 2 s,
/// retry 0.5 s). The leader is SIGKILLed in the middle of the update's rollout; the other replica takes the lease and
/// finishes it. The proxy's record, which names the replica of every call, shows no mutation made twice and never two
/// replicas with mutations in flight at once.
/// </summary>
public sealed class LeaderFailoverTests(ITestOutputHelper output)
{
    internal static readonly string[] LeaderElection =
    [
        "--leader-elect",
        "--leader-election-namespace", "default",
        "--leader-election-id", "ecs-operator-reliability",
        "--leader-election-lease-duration", "3s",
        "--leader-election-renew-deadline", "2s",
        "--leader-election-retry-period", "500ms",
    ];

    [Fact]
    public async Task The_successor_finishes_the_rollout_and_the_replicas_never_mutate_at_once()
    {
        ExternalTools.RequireMoto();
        var run = ReliabilityRun.FromEnvironment();
        ReliabilityReport.Line(output, $"leader failover: {run}");
        await using var aws = await ReliabilityStack.StartAsync(run);
        var stack = new TwelveObjectStack(TestNames.Unique("failover"), aws.Seed);
        var launch = aws.Launch() with { ExtraArguments = LeaderElection };
        OperatorProcess[] replicas = [aws.StartOperator(launch), aws.StartOperator(launch)];

        await stack.CreateAsync(aws.Objects);
        await Convergence.ReadyAsync(aws.Objects, stack, TimeSpan.FromSeconds(120), "create", run, aws.LogLines);

        // Mid-rollout, precisely: the leader dies the instant ECS has applied the first UpdateService of the update.
        var leader = await LeaderAsync(replicas, run);
        aws.Proxy.Rules.Add(FaultRule.HoldResponse(AwsServices.Ecs, "UpdateService") with { FirstCalls = 1 });

        // The leader reconciles several Services at once: its other UpdateService calls, sent while the first is held,
        // would reach ECS and could leave the successor nothing to do (seen once in CI: all 4 applied by the leader).
        // They wait at the proxy until the leader is dead, and a call whose client left while it waited is never sent on.
        var othersWait = aws.Proxy.Rules.Add(FaultRule.Delay(AwsServices.Ecs, "UpdateService", TimeSpan.FromSeconds(60)) with { SkipCalls = 1 });
        using (aws.Proxy.Holds.OnHeld(_ =>
        {
            leader.KillNow();
            aws.Proxy.Rules.Remove(othersWait); // the successor's calls go through at once
        }))
        {
            await stack.UpdateAsync(aws.Objects);
            await aws.Proxy.Holds.WaitAsync(AwsServices.Ecs, "UpdateService", TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }

        ReliabilityReport.Line(output, $"killed the leader (pid {leader.ProcessId}) on its first UpdateService");
        await Convergence.ReadyAsync(aws.Objects, stack, TimeSpan.FromSeconds(120), "update after failover", run, aws.LogLines);
        var creates = StackAudit.DuplicateCreates(StackAudit.CreateCounts(aws.Proxy), stack, distinctSpecsPerFamily: 2);
        Assert.True(creates.Count == 0, $"a mutation made twice ({run}): {string.Join("; ", creates)}");

        var timeline = new MutationTimeline(aws.Proxy.Stats.Journal());
        ReliabilityReport.Line(output, $"{timeline.Mutations.Count} mutations by {string.Join(", ", timeline.Replicas)}");
        Assert.DoesNotContain("unknown", timeline.Replicas);
        Assert.Contains(timeline.Replicas, r => r == $"ecs-operator.pid-{leader.ProcessId.ToString(CultureInfo.InvariantCulture)}");
        Assert.True(timeline.Replicas.Count == 2, $"the successor made no mutation ({run}): {string.Join(", ", timeline.Replicas)}");
        var overlaps = timeline.Overlaps();
        Assert.True(overlaps.Count == 0, $"two replicas mutating at once ({run}):\n{string.Join("\n", overlaps.Take(10))}");
    }

    /// <summary>The replica whose leader_election_master_status gauge says it holds the lease.</summary>
    internal static async Task<OperatorProcess> LeaderAsync(OperatorProcess[] replicas, ReliabilityRun run)
    {
        OperatorProcess? leader = null;
        var found = await Eventually.TrueAsync(
            async () =>
            {
                foreach (var replica in replicas)
                {
                    if (await replica.ScrapeAsync(TestContext.Current.CancellationToken) is { } metrics && PrometheusText.Sum(metrics, "leader_election_master_status") == 1)
                    {
                        leader = replica;
                        return true;
                    }
                }

                return false;
            },
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(100));
        Assert.True(found, $"no replica reports leader_election_master_status 1 ({run})");
        return leader!;
    }
}

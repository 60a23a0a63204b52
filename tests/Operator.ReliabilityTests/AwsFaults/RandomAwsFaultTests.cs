using AwsFaultProxy;
using EcsOperator.ReliabilityTests.Harness;
using EcsOperator.ReliabilityTests.Secrets;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.ReliabilityTests.AwsFaults;

/// <summary>
/// Scenario 2, random faults: throttles, 5xx, latency and dropped connections (some after the call was applied) on
/// every AWS call. The 12-object stack is created, updated and deleted; every fault is survived, nothing is
/// duplicated or left behind, and no object ever shows Stalled for what is only a transient fault.
/// </summary>
public sealed class RandomAwsFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Under_random_aws_faults_the_stack_converges_and_tears_down_without_ever_stalling()
    {
        ExternalTools.RequireMoto();
        var run = ReliabilityRun.FromEnvironment();
        ReliabilityReport.Line(output, $"random AWS faults: {run}");
        await using var aws = await ReliabilityStack.StartAsync(run);
        var stack = new TwelveObjectStack(TestNames.Unique("faults"), aws.Seed);
        var secrets = new SecretsScan(aws, stack);
        RandomFaults.Install(aws.Proxy);
        aws.StartOperator();

        using (var watch = new StalledWatch(aws.Objects, stack))
        {
            await stack.CreateAsync(aws.Objects);
            await Convergence.ReadyAsync(aws.Objects, stack, PhaseTimeout, "create", run, aws.LogLines);
            await secrets.CaptureStatusesAsync();
            await stack.UpdateAsync(aws.Objects);
            await Convergence.ReadyAsync(aws.Objects, stack, PhaseTimeout, "update", run, aws.LogLines);
            await secrets.CaptureStatusesAsync();
            var duplicates = await StackAudit.DuplicateResourcesAsync(aws, stack, distinctSpecsPerFamily: 2);
            Assert.True(duplicates.Count == 0, $"duplicates ({run}): {string.Join("; ", duplicates)}");
            await stack.DeleteAsync(aws.Objects);
            await Convergence.GoneAsync(aws.Objects, stack, PhaseTimeout, run, aws.LogLines);
            await watch.DisposeAsync();

            ReliabilityReport.Line(output, $"condition reads: {watch.Reads}, events read: {watch.EventsRead}, Reconciling reasons seen: {string.Join(", ", watch.ReconcilingReasons.Order(StringComparer.Ordinal))}");
            Assert.True(watch.Reads > 10, $"the condition watch read only {watch.Reads} times ({run})");
            Assert.True(watch.EventsRead > 0, $"the watch found no Event at all in {stack.Namespace}: the operator records one per AWS mutation ({run})");
            Assert.True(watch.Stalled.Count == 0, $"Stalled for a transient fault ({run}): {string.Join("; ", watch.Stalled.Distinct())}");
        }

        var orphans = await StackAudit.OrphansAsync(aws, stack);
        Assert.True(orphans.Count == 0, $"orphans in moto ({run}): {string.Join("; ", orphans)}");
        var calls = aws.Proxy.Stats.Operations();
        var injected = calls.SelectMany(c => c.Injected).GroupBy(i => i.Key).ToDictionary(g => g.Key, g => g.Sum(i => i.Value));
        ReliabilityReport.Line(output, $"calls: {calls.Sum(c => c.Calls)}, injected: {string.Join(", ", injected.OrderBy(i => i.Key).Select(i => $"{i.Key} {i.Value}"))}");
        Assert.True(injected.GetValueOrDefault(FaultKind.Throttle) > 0 && injected.GetValueOrDefault(FaultKind.ServerError) > 0 && injected.GetValueOrDefault(FaultKind.DropResponse) > 0, $"too few faults to prove anything ({run})");
        await secrets.AssertNoLeaksAsync(run);
    }
}

using AwsFaultProxy;
using EcsOperator.ReliabilityTests.Harness;
using EcsOperator.ReliabilityTests.Secrets;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.ReliabilityTests.CrashPoints;

/// <summary>
/// Scenario 1: `ecs-operator run` as a child process, SIGKILLed at seeded random moments and right after AWS applied
/// a create whose answer it never heard, through create, update (image + scale) and delete of a 12-object stack.
/// After each phase every object converges; creates are never duplicated; nothing is left in AWS; and a restart over
/// converged objects mutates nothing and reads within budget.
/// </summary>
public sealed class CrashPointTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Killed_at_random_and_aimed_moments_the_stack_converges_without_duplicates_or_orphans()
    {
        ExternalTools.RequireMoto();
        var run = ReliabilityRun.FromEnvironment();
        ReliabilityReport.Line(output, $"crash points: {run}");
        var killsPerPhase = run.Iterations(inCi: 10, inLongMode: 67);
        var random = new Random(run.Seed);
        var token = TestContext.Current.CancellationToken;

        await using var aws = await ReliabilityStack.StartAsync(run);
        var stack = new TwelveObjectStack(TestNames.Unique("crash"), aws.Seed);
        await using var chaos = new OperatorChaos(aws, aws.Launch());
        chaos.AimAt(
            (AwsServices.Ecs, "RegisterTaskDefinition"),
            (AwsServices.Ecs, "CreateService"),
            (AwsServices.Elbv2, "CreateTargetGroup"),
            (AwsServices.Elbv2, "CreateRule"));
        var secrets = new SecretsScan(aws, stack);
        chaos.Start();

        await stack.CreateAsync(aws.Objects);
        await chaos.KillRandomlyAsync(random, killsPerPhase, token);
        await chaos.SettleAsync();
        await Convergence.ReadyAsync(aws.Objects, stack, PhaseTimeout, "create", run, aws.LogLines);
        ReliabilityReport.Line(output, $"aimed: killed on the held answer of {string.Join(", ", chaos.AimedKills)}; unheard answers {string.Join(", ", chaos.UnheardAimedAnswers())}");
        Assert.Equal(["CreateRule", "CreateService", "CreateTargetGroup", "RegisterTaskDefinition"], chaos.UnheardAimedAnswers());

        await secrets.CaptureStatusesAsync();
        var createsBeforeRestart = StackAudit.CreateCounts(aws.Proxy); // the restart measurement resets the proxy's counts
        var restart = await RestartCost.MeasureAsync(chaos, aws, stack.ObjectCount, run);
        AssertRestartCost(restart, stack, run);

        await stack.UpdateAsync(aws.Objects);
        await chaos.KillRandomlyAsync(random, killsPerPhase, token);
        await Convergence.ReadyAsync(aws.Objects, stack, PhaseTimeout, "update", run, aws.LogLines);
        Assert.Empty(await StackAudit.DuplicateResourcesAsync(aws, stack, distinctSpecsPerFamily: 2));
        await secrets.CaptureStatusesAsync();

        await stack.DeleteAsync(aws.Objects);
        await chaos.KillRandomlyAsync(random, killsPerPhase, token);
        await Convergence.GoneAsync(aws.Objects, stack, PhaseTimeout, run, aws.LogLines);

        var duplicates = StackAudit.DuplicateCreates(StackAudit.CreateCounts(aws.Proxy, createsBeforeRestart), stack, distinctSpecsPerFamily: 2);
        var orphans = await StackAudit.OrphansAsync(aws, stack);
        ReliabilityReport.Line(output, $"kills: {chaos.Kills} ({chaos.AimedKills.Count} aimed), operators started: {aws.OperatorsStarted}, duplicates: {duplicates.Count}, orphans: {orphans.Count}");
        Assert.True(duplicates.Count == 0, $"duplicate creates ({run}): {string.Join("; ", duplicates)}");
        Assert.True(orphans.Count == 0, $"orphans in moto ({run}): {string.Join("; ", orphans)}");
        Assert.True(chaos.Kills >= 3 * killsPerPhase, $"only {chaos.Kills} kills ({run})");
        await secrets.AssertNoLeaksAsync(run);
    }

    private void AssertRestartCost(IReadOnlyList<OperationStats> calls, TwelveObjectStack stack, ReliabilityRun run)
    {
        var mutating = calls.Where(c => !RestartCost.IsRead(c.Operation) && c.Calls > 0).Select(c => $"{c.Operation} x{c.Calls}").ToList();
        Assert.True(mutating.Count == 0, $"a restart over converged objects mutated AWS ({run}): {string.Join(", ", mutating)}");
        foreach (var service in new[] { AwsServices.Ecs, AwsServices.Elbv2 })
        {
            var reads = calls.Where(c => c.Service == service).Sum(c => c.Calls);
            ReliabilityReport.Line(output, $"restart reads {service}: {reads} (budget {RestartCost.ReadBudget(stack, service)}): {string.Join(", ", calls.Where(c => c.Service == service).Select(c => $"{c.Operation} x{c.Calls}"))}");
            Assert.True(reads <= RestartCost.ReadBudget(stack, service), $"{service}: {reads} reads on restart, budget {RestartCost.ReadBudget(stack, service)} ({run})");
        }
    }
}

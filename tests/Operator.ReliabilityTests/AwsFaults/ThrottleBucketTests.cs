using AwsFaultProxy;
using EcsOperator.ReliabilityTests.Harness;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.ReliabilityTests.AwsFaults;

/// <summary>
/// Scenario 2, real throttle buckets: no random faults; the proxy throttles as ECS does, with token buckets per
/// action group (reads: 50 tokens, 20/s, the published DescribeClusters figures; mutations 20 tokens, 5/s), and ELBv2
/// likewise. A 100-Service stack converges, and the operator's own client-side budget keeps the throttles it receives
/// under 1% of its calls. CI runs time-compressed: the proxy's rates and the operator's budget (--aws-budget-scale)
/// are multiplied by the same factor, which keeps their ratio, the thing under test.
/// </summary>
public sealed class ThrottleBucketTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_hundred_service_stack_converges_with_throttles_under_one_percent_of_calls()
    {
        ExternalTools.RequireMoto();
        var run = ReliabilityRun.FromEnvironment();
        var scale = run.Iterations(inCi: 4, inLongMode: 1);
        ReliabilityReport.Line(output, $"throttle buckets: {run}, time scale x{scale}");
        await using var aws = await ReliabilityStack.StartAsync(run);
        var stack = new TwelveObjectStack(TestNames.Unique("buckets"), aws.Seed, services: 100, bindings: 0);
        aws.Proxy.Rules.Add(FaultRule.TokenBucket(AwsServices.Ecs, "Describe*,List*", 20 * scale, 50 * scale));
        aws.Proxy.Rules.Add(FaultRule.TokenBucket(AwsServices.Ecs, "Create*,Update*,Delete*,Register*,Deregister*,Tag*,Untag*,Put*", 5 * scale, 20 * scale));
        aws.Proxy.Rules.Add(FaultRule.TokenBucket(AwsServices.Elbv2, "*", 10 * scale, 20 * scale));
        aws.StartOperator(aws.Launch() with { ExtraArguments = ["--aws-budget-scale", scale.ToString(System.Globalization.CultureInfo.InvariantCulture)] });

        await stack.CreateAsync(aws.Objects);
        await Convergence.ReadyAsync(aws.Objects, stack, TimeSpan.FromSeconds(run.LongMode ? 900 : 240), "create", run, aws.LogLines);

        var calls = aws.Proxy.Stats.Operations().Where(c => c.Service is AwsServices.Ecs or AwsServices.Elbv2).ToList();
        var total = calls.Sum(c => c.Calls);
        var throttled = calls.Sum(c => c.Throttled);
        ReliabilityReport.Line(output, $"{stack.ObjectCount} objects: {total} calls, {throttled} throttled ({100.0 * throttled / total:F2}%)");
        Assert.True(throttled * 100 < total, $"{throttled} of {total} calls throttled, 1% allowed ({run}): {string.Join(", ", calls.Where(c => c.Throttled > 0).Select(c => $"{c.Operation} {c.Throttled}/{c.Calls}"))}");
    }
}

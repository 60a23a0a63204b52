using AwsFaultProxy;
using EcsOperator.ReliabilityTests.Harness;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.ReliabilityTests.CrashPoints;

/// <summary>
/// What a restart costs once every object has converged: the operator's first pass over the objects must make no
/// mutating AWS call, and its reads must stay within a per-kind budget. The pass is over when the operator's
/// reconcile counters cover every object and its queues are empty (a metrics signal, not a pause).
/// </summary>
internal static class RestartCost
{
    /// <summary>
    /// Reads one pass may make per converged object. ECS: a Cluster 1 (DescribeClusters); a TaskDefinition family 2
    /// (List + Describe); a Service 2 (its own Describe, and the one its binding's readiness costs). ELBv2: a binding 4
    /// (target group, its attributes, its tags, the listener's rules) plus 1 for a retried read. Measured: 10 to 14 ECS and
    /// 8 ELBv2 reads for the 12-object stack.
    /// </summary>
    public static long ReadBudget(TwelveObjectStack stack, string service) => service switch
    {
        AwsServices.Ecs => (stack.Clusters * 1) + (stack.Services * 2) + (stack.Services * 2),
        AwsServices.Elbv2 => stack.Bindings * 5,
        _ => 0,
    };

    public static async Task<IReadOnlyList<OperationStats>> MeasureAsync(OperatorChaos chaos, ReliabilityStack stack, int objects, ReliabilityRun run)
    {
        await chaos.KillAndRestartAsync(whileDown: stack.Proxy.Stats.Reset);
        var passed = await Eventually.TrueAsync(
            async () => await chaos.Current.ScrapeAsync(TestContext.Current.CancellationToken) is { } metrics
                && PrometheusText.Sum(metrics, "controller_runtime_reconcile_total") >= objects
                && PrometheusText.Sum(metrics, "workqueue_depth") == 0
                && PrometheusText.Sum(metrics, "controller_runtime_active_workers") == 0,
            TimeSpan.FromSeconds(60),
            TimeSpan.FromMilliseconds(200));
        Assert.True(passed, $"the restarted operator did not reconcile all {objects} objects within 60 s ({run})");
        return stack.Proxy.Stats.Operations();
    }

    public static bool IsRead(string operation) =>
        operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal) || operation.StartsWith("Get", StringComparison.Ordinal);
}

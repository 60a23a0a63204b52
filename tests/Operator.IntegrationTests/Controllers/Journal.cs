using AwsFaultProxy;
using Xunit;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// Order assertions over the fault proxy's call journal: the tests of one class run one after another on their own
/// stack, and earlier tests' objects are at rest (no writes), so the calls after a mark are the current test's.
/// </summary>
internal static class Journal
{
    /// <summary>The sequence number of the last call so far.</summary>
    public static long Mark(global::AwsFaultProxy.FaultProxy proxy) => proxy.Stats.Journal() is { Count: > 0 } calls ? calls[^1].Sequence : 0;

    /// <summary>
    /// After the mark, a successful UpdateService (the Service dropping the target group) came before the first
    /// successful DeleteTargetGroup: no traffic was cut by deleting a group the service still used.
    /// </summary>
    public static void AssertServiceDroppedBeforeTargetGroupDeleted(global::AwsFaultProxy.FaultProxy proxy, long mark)
    {
        var calls = proxy.Stats.Journal().Where(c => c.Sequence > mark && c.ClientStatus is >= 200 and < 300).ToList();
        var deleted = calls.FindIndex(c => c is { Service: AwsServices.Elbv2, Operation: "DeleteTargetGroup" });
        var dropped = calls.FindIndex(c => c is { Service: AwsServices.Ecs, Operation: "UpdateService" });
        Assert.True(deleted >= 0, "no DeleteTargetGroup after the mark");
        Assert.True(dropped >= 0 && dropped < deleted, $"DeleteTargetGroup (call {deleted}) came before the Service's UpdateService (call {dropped})");
    }

    /// <summary>
    /// After the mark, no ELBv2 call other than a read reached the proxy: the object under test made no change in AWS
    /// (earlier tests' objects at rest only read on their resync).
    /// </summary>
    public static void AssertNoElbv2ChangeSince(global::AwsFaultProxy.FaultProxy proxy, long mark)
    {
        var changes = proxy.Stats.Journal()
            .Where(c => c.Sequence > mark && c.Service == AwsServices.Elbv2 && !c.Operation.StartsWith("Describe", StringComparison.Ordinal))
            .Select(c => c.Operation)
            .ToList();
        Assert.True(changes.Count == 0, $"ELBv2 changes after the mark: {string.Join(", ", changes)}");
    }
}

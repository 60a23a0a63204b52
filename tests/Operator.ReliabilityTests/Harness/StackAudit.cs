using AwsFaultProxy;
using EcsOperator.Testing;
using Xunit;
using EcsModel = EcsOperator.Aws.Ecs.Model;
using ElbModel = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.ReliabilityTests.Harness;

/// <summary>
/// What AWS holds for one <see cref="TwelveObjectStack"/>, read from moto (around the proxy): revisions per family,
/// target groups and listener rules. Duplicates are counted two ways: successful creates in the proxy's record, and
/// the resources that exist.
/// </summary>
internal static class StackAudit
{
    private static readonly (string Service, string Operation)[] Creates =
    [
        (AwsServices.Ecs, "CreateService"),
        (AwsServices.Ecs, "RegisterTaskDefinition"),
        (AwsServices.Elbv2, "CreateTargetGroup"),
        (AwsServices.Elbv2, "CreateRule"),
    ];

    /// <summary>Successful creates in the proxy's record so far; add two readings when the counts were reset in between.</summary>
    public static Dictionary<string, long> CreateCounts(FaultProxy proxy, IReadOnlyDictionary<string, long>? earlier = null) =>
        Creates.ToDictionary(c => c.Operation, c => proxy.Stats.For(c.Service, c.Operation).Succeeded + (earlier?.GetValueOrDefault(c.Operation) ?? 0));

    /// <summary>Successful creates per object against what the phases justify: one per Service, binding and rule, one revision per distinct spec.</summary>
    public static IReadOnlyList<string> DuplicateCreates(IReadOnlyDictionary<string, long> creates, TwelveObjectStack stack, int distinctSpecsPerFamily)
    {
        Dictionary<string, long> expected = new()
        {
            ["CreateService"] = stack.Services,
            ["RegisterTaskDefinition"] = stack.Services * distinctSpecsPerFamily,
            ["CreateTargetGroup"] = stack.Bindings,
            ["CreateRule"] = stack.Bindings,
        };
        return [.. expected.Where(e => creates.GetValueOrDefault(e.Key) != e.Value).Select(e => $"{e.Key}: {creates.GetValueOrDefault(e.Key)} successful, expected {e.Value}")];
    }

    /// <summary>Revisions (active or not) per family beyond the distinct specs, and target groups or rules beyond one per binding.</summary>
    public static async Task<IReadOnlyList<string>> DuplicateResourcesAsync(ReliabilityStack aws, TwelveObjectStack stack, int distinctSpecsPerFamily)
    {
        List<string> problems = [];
        for (var i = 0; i < stack.Services; i++)
        {
            var revisions = await RevisionsAsync(aws, stack.Family(i), "ACTIVE") + await RevisionsAsync(aws, stack.Family(i), "INACTIVE");
            if (revisions != distinctSpecsPerFamily)
            {
                problems.Add($"family {stack.Family(i)}: {revisions} revisions, expected {distinctSpecsPerFamily}");
            }
        }

        var groups = (await OwnedTargetGroupsAsync(aws)).Count;
        var rules = (await RulesAsync(aws)).Count;
        if (groups != stack.Bindings || rules != stack.Bindings)
        {
            problems.Add($"{groups} target groups and {rules} rules, expected {stack.Bindings} of each");
        }

        return problems;
    }

    /// <summary>What is left in AWS after the delete phase: active clusters and revisions, target groups, rules.</summary>
    public static async Task<IReadOnlyList<string>> OrphansAsync(ReliabilityStack aws, TwelveObjectStack stack)
    {
        List<string> orphans = [];
        var clusters = await aws.Ecs.DescribeClustersAsync(new EcsModel.DescribeClustersRequest { Clusters = [.. Enumerable.Range(0, stack.Clusters).Select(stack.ClusterName)] }, Token);
        orphans.AddRange((clusters.Clusters ?? []).Where(c => c.Status == "ACTIVE").Select(c => $"cluster {c.ClusterName}"));
        for (var i = 0; i < stack.Services; i++)
        {
            if (await RevisionsAsync(aws, stack.Family(i), "ACTIVE") is > 0 and var active)
            {
                orphans.Add($"{active} active revisions of {stack.Family(i)}");
            }
        }

        orphans.AddRange((await OwnedTargetGroupsAsync(aws)).Select(g => $"target group {g.TargetGroupName}"));
        orphans.AddRange((await RulesAsync(aws)).Select(r => $"rule {r.RuleArn}"));
        return orphans;
    }

    private static async Task<int> RevisionsAsync(ReliabilityStack aws, string family, string status)
    {
        var count = 0;
        string? next = null;
        do
        {
            var page = await aws.Ecs.ListTaskDefinitionsAsync(new EcsModel.ListTaskDefinitionsRequest { FamilyPrefix = family, Status = status, NextToken = next }, Token);
            count += (page.TaskDefinitionArns ?? []).Count(arn => arn.Contains($"/{family}:", StringComparison.Ordinal));
            next = page.NextToken;
        }
        while (next is not null);
        return count;
    }

    /// <summary>Every target group but the seed's (MotoSeed names it seed-…-d): each test has a moto of its own.</summary>
    private static async Task<List<ElbModel.TargetGroup>> OwnedTargetGroupsAsync(ReliabilityStack aws)
    {
        var all = await aws.Elb.DescribeTargetGroupsAsync(new ElbModel.DescribeTargetGroupsRequest(), Token);
        return [.. (all.TargetGroups ?? []).Where(g => g.TargetGroupName?.StartsWith("seed", StringComparison.Ordinal) != true)];
    }

    private static async Task<List<ElbModel.Rule>> RulesAsync(ReliabilityStack aws) =>
        [.. ((await aws.Elb.DescribeRulesAsync(new ElbModel.DescribeRulesRequest { ListenerArn = aws.Seed.ListenerArn }, Token)).Rules ?? []).Where(r => r.IsDefault != true)];

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}

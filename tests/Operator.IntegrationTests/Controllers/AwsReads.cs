using EcsOperator.Aws.Ecs;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>What AWS itself says, read with the test's own clients (not the operator's cache).</summary>
public static class AwsReads
{
    public static async Task<Ecs.Cluster?> ClusterAsync(this IEcsApi ecs, string name)
    {
        var response = await ecs.DescribeClustersAsync(new Ecs.DescribeClustersRequest { Clusters = [name], Include = ["TAGS", "SETTINGS", "CONFIGURATIONS"] }, TestContext.Current.CancellationToken);
        return response.Clusters?.FirstOrDefault();
    }

    public static Dictionary<string, string> TagMap(this IEnumerable<Ecs.Tag>? tags) =>
        (tags ?? []).ToDictionary(t => t.Key!, t => t.Value ?? string.Empty, StringComparer.Ordinal);

    public static async Task<List<string>> RevisionArnsAsync(this IEcsApi ecs, string family, string status = "ACTIVE")
    {
        var arns = new List<string>();
        string? next = null;
        do
        {
            var page = await ecs.ListTaskDefinitionsAsync(new Ecs.ListTaskDefinitionsRequest { FamilyPrefix = family, Status = status, NextToken = next }, TestContext.Current.CancellationToken);
            arns.AddRange(page.TaskDefinitionArns ?? []);
            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));
        return arns;
    }

    public static Task<Ecs.DescribeTaskDefinitionResponse> RevisionAsync(this IEcsApi ecs, string arn) =>
        ecs.DescribeTaskDefinitionAsync(new Ecs.DescribeTaskDefinitionRequest { TaskDefinition = arn, Include = ["TAGS"] }, TestContext.Current.CancellationToken);

    /// <summary>The service as ECS describes it; null when ECS reports it MISSING or its cluster is gone.</summary>
    public static async Task<Ecs.Service?> ServiceAsync(this IEcsApi ecs, string cluster, string name)
    {
        try
        {
            var response = await ecs.DescribeServicesAsync(new Ecs.DescribeServicesRequest { Cluster = cluster, Services = [name], Include = ["TAGS"] }, TestContext.Current.CancellationToken);
            return response.Services?.FirstOrDefault();
        }
        catch (Ecs.ClusterNotFoundException)
        {
            return null;
        }
    }
}

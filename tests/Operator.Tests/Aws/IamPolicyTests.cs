using System.Text.Json;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Efs;
using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Aws.Iam;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.Tests.Aws;

/// <summary>docs/iam-policy.json allows every AWS operation the clients can call, so a user's install never hits AccessDenied.</summary>
public sealed class IamPolicyTests
{
    [Theory]
    [InlineData(typeof(IEcsApi), "ecs")]
    [InlineData(typeof(IElbv2Api), "elasticloadbalancing")]
    [InlineData(typeof(IEfsApi), "elasticfilesystem")]
    [InlineData(typeof(IIamApi), "iam")]
    public void The_policy_allows_every_operation_of_the_interface(Type api, string prefix)
    {
        var allowed = AllowedActions();

        var missing = api.GetMethods()
            .Select(m => $"{prefix}:{m.Name[..^"Async".Length]}")
            .Where(action => !allowed.Contains(action))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Task_roles_can_be_passed_only_to_ecs_tasks()
    {
        using var policy = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("docs", "iam-policy.json")));
        var passRole = policy.RootElement.GetProperty("Statement").EnumerateArray()
            .Single(s => s.GetProperty("Action").ValueKind == JsonValueKind.String && s.GetProperty("Action").GetString() == "iam:PassRole");

        Assert.Equal("ecs-tasks.amazonaws.com", passRole.GetProperty("Condition").GetProperty("StringEquals").GetProperty("iam:PassedToService").GetString());
    }

    private static HashSet<string> AllowedActions()
    {
        using var policy = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("docs", "iam-policy.json")));
        var actions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in policy.RootElement.GetProperty("Statement").EnumerateArray())
        {
            var action = statement.GetProperty("Action");
            if (action.ValueKind == JsonValueKind.String)
            {
                actions.Add(action.GetString()!);
            }
            else
            {
                actions.UnionWith(action.EnumerateArray().Select(a => a.GetString()!));
            }
        }

        return actions;
    }
}

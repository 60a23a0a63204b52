using System.Text.Json.Nodes;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.LeastPrivilege;

/// <summary>
/// docs/iam-policy.json allows every AWS action the operator called during <see cref="LeastPrivilegeRun"/> (the fault
/// proxy's action record), allows nothing else but the permissions AWS checks behind a call, and carries the tag
/// conditions. moto evaluates no policy, so the conditions are checked here, statically.
/// </summary>
public sealed class IamLeastPrivilegeTests(LeastPrivilegeRun run) : IClassFixture<LeastPrivilegeRun>
{
    private const string ClusterIdTag = "ecs.operator.dev/cluster-id";

    /// <summary>Checked by AWS behind a call, so no request of ours names them; each is required.</summary>
    private static readonly string[] Implicit =
    [
        "iam:PassRole",                   // RegisterTaskDefinition with task/execution roles; CreateService with a service role
        "iam:CreateServiceLinkedRole",    // the first ECS cluster and the first load balancer of an account
        "ecs:TagResource",                // tags on CreateCluster/RegisterTaskDefinition/CreateService
        "elasticloadbalancing:AddTags",   // tags on CreateTargetGroup/CreateRule
    ];

    /// <summary>
    /// Creates: allowed only when the request tags the new resource with the cluster-id. Every one of them lists
    /// aws:RequestTag/${TagKey} in the Service Authorization Reference
    /// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html and
    /// .../list_awselasticloadbalancingv2.html).
    /// </summary>
    private static readonly string[] TaggedCreates =
        ["ecs:CreateCluster", "ecs:RegisterTaskDefinition", "ecs:CreateService", "elasticloadbalancing:CreateTargetGroup"];

    /// <summary>
    /// Mutations of resources the operator created, allowed only on resources carrying the cluster-id tag: the
    /// reference lists aws:ResourceTag/${TagKey} for these (cluster, service, target group, listener rule resources).
    /// DeregisterTaskDefinition and DeleteTaskDefinitions are not here: the reference gives them no resource-level tag key.
    /// </summary>
    private static readonly string[] OwnedMutations =
    [
        "ecs:UpdateCluster", "ecs:PutClusterCapacityProviders", "ecs:DeleteCluster", "ecs:UpdateService", "ecs:DeleteService",
        "ecs:UntagResource", "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes",
        "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:DeleteRule", "elasticloadbalancing:RemoveTags",
    ];

    /// <summary>On the user's own listener, which the operator never tags: no tag condition may apply.</summary>
    private static readonly string[] OnUsersListener =
        ["elasticloadbalancing:CreateRule", "elasticloadbalancing:ModifyRule", "elasticloadbalancing:SetRulePriorities"];

    [Fact]
    public void Every_action_the_operator_called_is_allowed()
    {
        var allowed = Statements().SelectMany(s => s.Actions).ToHashSet(StringComparer.Ordinal);

        var missing = run.AwsActions.Where(a => !allowed.Contains(a)).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(run.AwsActions);
        Assert.True(missing.Count == 0, "docs/iam-policy.json lacks:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_policy_allows_nothing_the_operator_never_called_but_the_implicit_permissions()
    {
        var allowed = Statements().SelectMany(s => s.Actions).ToHashSet(StringComparer.Ordinal);

        var unused = allowed.Where(a => !run.AwsActions.Contains(a) && !Implicit.Contains(a)).Order(StringComparer.Ordinal).ToList();

        Assert.True(unused.Count == 0, "docs/iam-policy.json allows what the operator never called (recorded: " + string.Join(", ", run.AwsActions.Order(StringComparer.Ordinal)) + "):\n" + string.Join("\n", unused));
        Assert.All(Implicit, a => Assert.Contains(a, allowed));
    }

    [Fact]
    public void Roles_are_passed_only_to_ecs_and_service_linked_roles_are_only_ecs_and_elb()
    {
        var passedTo = Statements().Where(s => s.Actions.Contains("iam:PassRole"))
            .Select(s => s.Condition("StringEquals", "iam:PassedToService")).ToList();
        var linked = Statements().Where(s => s.Actions.Contains("iam:CreateServiceLinkedRole"))
            .SelectMany(s => s.Condition("StringEquals", "iam:AWSServiceName")).ToList();

        Assert.All(passedTo, values => Assert.NotEmpty(values));
        Assert.Equal(["ecs-tasks.amazonaws.com", "ecs.amazonaws.com"], passedTo.SelectMany(v => v).Order(StringComparer.Ordinal));
        Assert.Equal(["ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com"], linked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Creates_need_the_cluster_id_request_tag_and_mutations_the_cluster_id_resource_tag()
    {
        foreach (var action in TaggedCreates)
        {
            Assert.All(Statements().Where(s => s.Actions.Contains(action)), s => Assert.Equal(["false"], s.Condition("Null", $"aws:RequestTag/{ClusterIdTag}")));
        }

        foreach (var action in OwnedMutations)
        {
            Assert.All(Statements().Where(s => s.Actions.Contains(action)), s => Assert.Equal(["false"], s.Condition("Null", $"aws:ResourceTag/{ClusterIdTag}")));
        }

        // Tags are added either on create (the create action's own condition) or to a resource already ours, or when
        // adopting: then the request carries the cluster-id tag.
        foreach (var action in new[] { "ecs:TagResource", "elasticloadbalancing:AddTags" })
        {
            Assert.All(Statements().Where(s => s.Actions.Contains(action)), s => Assert.True(
                s.Condition("Null", $"aws:ResourceTag/{ClusterIdTag}").SequenceEqual(["false"]) || s.Condition("Null", $"aws:RequestTag/{ClusterIdTag}").SequenceEqual(["false"]),
                $"{action} in {s.Sid} has no cluster-id tag condition"));
        }

        Assert.All(OnUsersListener.SelectMany(a => Statements().Where(s => s.Actions.Contains(a))), s => Assert.Null(s.Conditions));
    }

    private static List<Statement> Statements() =>
        [.. JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("docs", "iam-policy.json")))!["Statement"]!.AsArray().Select(s => Statement.From(s!.AsObject()))];

    private sealed record Statement(string Sid, IReadOnlyList<string> Actions, JsonObject? Conditions)
    {
        public static Statement From(JsonObject statement)
        {
            Assert.Equal("Allow", statement["Effect"]!.GetValue<string>());
            Assert.Equal("*", statement["Resource"]!.GetValue<string>());
            var action = statement["Action"]!;
            IReadOnlyList<string> actions = action is JsonArray list ? [.. list.Select(a => a!.GetValue<string>())] : [action.GetValue<string>()];
            return new(statement[nameof(Sid)]!.GetValue<string>(), actions, statement["Condition"] as JsonObject);
        }

        public IReadOnlyList<string> Condition(string op, string key) => Conditions?[op]?[key] switch
        {
            JsonArray values => [.. values.Select(v => v!.GetValue<string>())],
            JsonValue value => [value.GetValue<string>()],
            _ => [],
        };
    }
}

using System.Text.Json.Nodes;
using EcsOperator.Testing;
using LocalKube.Audit;
using LocalKube.Serialization;
using Xunit;

namespace EcsOperator.IntegrationTests.LeastPrivilege;

/// <summary>
/// config/rbac (and so the chart: ChartRenderTests keeps the chart's rules equal to config/rbac's) allows every request
/// the operator sent during <see cref="LeastPrivilegeRun"/>, and grants nothing it never sent.
/// </summary>
public sealed class RbacLeastPrivilegeTests(LeastPrivilegeRun run) : IClassFixture<LeastPrivilegeRun>
{
    /// <summary>
    /// Granted but not necessarily sent in a short run, each for a reason the run cannot show on demand.
    /// </summary>
    private static readonly HashSet<Permission> NeededButNotExercised =
    [
        // Setting a finalizer is an update of /finalizers where OwnerReferencesPermissionEnforcement is on
        // (real clusters); the operator's merge patch of metadata needs it there, LocalKube does not split it out.
        .. new[] { "clusters", "taskdefinitions", "services", "loadbalancerbindings" }
            .Select(p => new Permission("update", "ecs.operator.dev", p + "/finalizers")),
    ];

    [Fact]
    public void Every_request_the_operator_sent_is_allowed_by_config_rbac()
    {
        var rules = GrantedRules();
        var denied = run.KubePermissions.Where(p => !rules.Any(r => r.Allows(p))).Select(p => p.ToString()).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(run.KubePermissions);
        Assert.True(denied.Count == 0, "config/rbac does not allow what the operator sent:\n" + string.Join("\n", denied));
    }

    [Fact]
    public void Config_rbac_grants_nothing_the_operator_never_sent()
    {
        var unused = GrantedRules().SelectMany(r => r.Expand())
            .Where(p => !run.KubePermissions.Contains(p) && !NeededButNotExercised.Contains(p))
            .Select(p => p.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(unused.Count == 0, "config/rbac grants what the operator never sent (remove it, or exercise it in LeastPrivilegeRun):\n" + string.Join("\n", unused));
    }

    /// <summary>The ClusterRole and the leader-election Role the operator's service account is bound to.</summary>
    public static IReadOnlyList<GrantedRule> GrantedRules() =>
        [.. new[] { "role.yaml", "leader_election_role.yaml" }
            .SelectMany(file => YamlJson.ParseDocuments(File.ReadAllText(RepositoryRoot.Combine("config", "rbac", file))))
            .SelectMany(role => role["rules"]!.AsArray())
            .Select(rule => GrantedRule.From(rule!.AsObject()))];

    /// <summary>One RBAC rule: its groups, resources (with subresources) and verbs; resourceNames narrow, never widen.</summary>
    public sealed record GrantedRule(IReadOnlyList<string> Groups, IReadOnlyList<string> Resources, IReadOnlyList<string> Verbs)
    {
        public static GrantedRule From(JsonObject rule) => new(Strings(rule["apiGroups"]), Strings(rule["resources"]), Strings(rule["verbs"]));

        public bool Allows(Permission permission) =>
            permission.NonResourcePath is null && Groups.Contains(permission.Group) && Resources.Contains(permission.Resource) && Verbs.Contains(permission.Verb);

        public IEnumerable<Permission> Expand() =>
            from g in Groups from r in Resources from v in Verbs select new Permission(v, g, r);

        private static List<string> Strings(JsonNode? node) => node?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
    }
}

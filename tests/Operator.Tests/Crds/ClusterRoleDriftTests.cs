using System.Reflection;
using EcsOperator.Crds;
using EcsOperator.Entities;
using EcsOperator.Testing;
using k8s.Models;
using Xunit;

namespace EcsOperator.Tests.Crds;

/// <summary>config/rbac/role.yaml is what the generator derives from <see cref="EntityKinds.All"/> today.</summary>
public sealed class ClusterRoleDriftTests
{
    [Fact]
    public void Config_rbac_role_has_not_drifted_from_the_entity_kinds()
    {
        var committed = File.ReadAllText(RepositoryRoot.Combine("config", "rbac", "role.yaml"));

        Assert.True(
            committed == ClusterRoleWriter.Render(),
            "config/rbac/role.yaml drifted: regenerate with `dotnet run --project src/Operator -- crds --output config/crds --role config/rbac/role.yaml`");
    }

    [Fact]
    public void Every_kind_may_be_watched_and_have_its_status_and_finalizers_written()
    {
        var rules = ClusterRoleWriter.Build().Rules;

        foreach (var plural in EntityKinds.All.Select(t => t.GetCustomAttribute<KubernetesEntityAttribute>()!.PluralName))
        {
            Assert.True(Allows(rules, plural, "list") && Allows(rules, plural, "watch") && Allows(rules, plural, "patch"), $"{plural}: list, watch, patch");
            Assert.True(Allows(rules, plural + "/status", "patch"), $"{plural}/status: patch (status is merge-patched, never updated)");
            Assert.True(Allows(rules, plural + "/finalizers", "update"), $"{plural}/finalizers: update");
            Assert.False(Allows(rules, plural, "delete"), $"{plural}: the operator never deletes a user's object");
        }
    }

    private static bool Allows(IEnumerable<V1PolicyRule> rules, string resource, string verb) =>
        rules.Any(r => r.ApiGroups.Contains(EntityGroup.Group) && r.Resources.Contains(resource) && r.Verbs.Contains(verb));
}

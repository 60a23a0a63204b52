using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Gc;
using Xunit;

namespace EcsOperator.Tests.Gc;

/// <summary>Which tagged AWS resources gc calls orphans: only this cluster's, only those whose owner is gone.</summary>
public sealed class OrphanDecisionTests
{
    private const string ClusterId = "uid-a";

    private static readonly HashSet<string> Live = new(StringComparer.Ordinal)
    {
        OwnershipTags.OwnerValue("shop", V1alpha1Service.KindName, "web"),
        OwnershipTags.OwnerValue("shop", V1alpha1Cluster.KindName, "demo"),
    };

    private static Dictionary<string, string> Tags(string? owner, string? clusterId)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["team"] = "payments" };
        if (owner is not null)
        {
            tags[WellKnown.OwnerTag] = owner;
        }

        if (clusterId is not null)
        {
            tags[WellKnown.ClusterIdTag] = clusterId;
        }

        return tags;
    }

    [Fact]
    public void A_resource_whose_owner_exists_is_not_an_orphan() =>
        Assert.Null(OrphanDecision.WhyOrphaned(Tags("shop/Service/web", ClusterId), ClusterId, Live));

    [Fact]
    public void A_resource_whose_owner_does_not_exist_is_an_orphan_and_the_reason_names_the_owner()
    {
        var reason = OrphanDecision.WhyOrphaned(Tags("shop/Service/gone", ClusterId), ClusterId, Live);

        Assert.Equal("no object shop/Service/gone exists", reason);
    }

    [Fact]
    public void The_same_name_of_another_kind_does_not_own_it() =>
        Assert.NotNull(OrphanDecision.WhyOrphaned(Tags("shop/Cluster/web", ClusterId), ClusterId, Live));

    [Fact]
    public void The_same_name_in_another_namespace_does_not_own_it() =>
        Assert.NotNull(OrphanDecision.WhyOrphaned(Tags("other/Service/web", ClusterId), ClusterId, Live));

    [Fact]
    public void Another_clusters_resource_is_never_an_orphan_of_this_one() =>
        Assert.Null(OrphanDecision.WhyOrphaned(Tags("shop/Service/gone", "uid-b"), ClusterId, Live));

    [Fact]
    public void A_resource_without_a_cluster_id_tag_is_not_the_operators() =>
        Assert.Null(OrphanDecision.WhyOrphaned(Tags("shop/Service/gone", clusterId: null), ClusterId, Live));

    [Fact]
    public void A_resource_with_a_cluster_id_but_no_owner_tag_is_left_to_a_human() =>
        Assert.Null(OrphanDecision.WhyOrphaned(Tags(owner: null, ClusterId), ClusterId, Live));

    [Fact]
    public void An_owner_of_a_kind_the_operator_does_not_manage_is_named_as_such()
    {
        var reason = OrphanDecision.WhyOrphaned(Tags("shop/Deployment/web", ClusterId), ClusterId, Live);

        Assert.Equal("owner kind Deployment is not one the operator manages", reason);
    }

    [Fact]
    public void A_long_owner_is_matched_through_its_hashed_tag_value()
    {
        var longName = new string('n', 253);
        var owner = OwnershipTags.OwnerValue("shop", V1alpha1TaskDefinition.KindName, longName);
        var sibling = OwnershipTags.OwnerValue("shop", V1alpha1TaskDefinition.KindName, longName[..^1] + "m");
        var live = new HashSet<string>(StringComparer.Ordinal) { owner };

        Assert.Null(OrphanDecision.WhyOrphaned(Tags(owner, ClusterId), ClusterId, live));
        Assert.NotNull(OrphanDecision.WhyOrphaned(Tags(sibling, ClusterId), ClusterId, live));
    }

    [Fact]
    public void Find_returns_exactly_the_orphans()
    {
        GcResource[] resources =
        [
            new(GcKind.EcsCluster, "arn:cluster/demo", Tags("shop/Cluster/demo", ClusterId)),
            new(GcKind.EcsCluster, "arn:cluster/old", Tags("shop/Cluster/old", ClusterId)),
            new(GcKind.TargetGroup, "arn:tg/other", Tags("shop/LoadBalancerBinding/x", "uid-b")),
            new(GcKind.TargetGroup, "arn:tg/user", new Dictionary<string, string>()),
        ];

        var orphan = Assert.Single(OrphanDecision.Find(resources, ClusterId, Live));

        Assert.Equal("arn:cluster/old", orphan.Resource.Arn);
    }

    [Fact]
    public void Gc_lists_every_kind_the_operator_manages() =>
        Assert.Equal(EntityKinds.All.OrderBy(t => t.Name), LiveOwners.Types.OrderBy(t => t.Name));

    [Fact]
    public void The_report_is_a_table_of_kind_arn_owner_and_reason()
    {
        var output = new StringWriter();
        var orphan = new Orphan(new GcResource(GcKind.TargetGroup, "arn:tg/old", Tags("shop/LoadBalancerBinding/old", ClusterId)), "no object shop/LoadBalancerBinding/old exists");

        GcReport.WriteOrphans(output, ClusterId, [orphan]);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("KIND", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^TargetGroup\s+arn:tg/old\s+ecs\.operator\.dev/owner=shop/LoadBalancerBinding/old\s+no object shop/LoadBalancerBinding/old exists$", lines[1]);
        Assert.Equal($"1 orphaned resource(s) tagged {WellKnown.ClusterIdTag}={ClusterId}.", lines[2]);
    }
}

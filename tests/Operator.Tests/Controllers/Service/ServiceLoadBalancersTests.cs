using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Tests.Runtime;
using Xunit;

namespace EcsOperator.Tests.Controllers.Service;

/// <summary>The ECS loadBalancers a Service computes from the bindings that name it (the serviceRef index).</summary>
public sealed class ServiceLoadBalancersTests
{
    private const string OldGroup = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/ns-web-old/1";
    private const string NewGroup = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/ns-web-new/2";
    private readonly ObjectCache<V1alpha1LoadBalancerBinding> _bindings = new([new IndexDefinition<V1alpha1LoadBalancerBinding>(Indexes.ServiceRef, Indexes.ServiceRefOf)]);

    private static readonly V1alpha1Service Service = new() { Metadata = new() { Name = "web", NamespaceProperty = "ns" }, Spec = new ServiceSpec() };

    private IReadOnlyList<string?> TargetGroups()
    {
        var options = new ControllerOptions { ClusterId = "cluster-1" };
        var references = new ServiceReferences(new ObjectCache<V1alpha1Cluster>(), new ObjectCache<V1alpha1TaskDefinition>(), _bindings,
            new ReferenceResolver(new ShardScope(null, LabelSelector.Everything), new FakeKubeClient<V1alpha1Service>()), options);
        return [.. references.LoadBalancers(Service).Select(lb => lb.TargetGroupArn)];
    }

    private void Binding(string name, string? current, IList<string>? loadBalancers, IList<string>? retired = null, bool deleting = false) => _bindings.Upsert(new V1alpha1LoadBalancerBinding
    {
        Metadata = new() { Name = name, NamespaceProperty = "ns", DeletionTimestamp = deleting ? DateTime.UtcNow : null },
        Spec = new LoadBalancerBindingSpec { ServiceRef = new() { Name = "web" }, ContainerName = "web", ContainerPort = 80, TargetGroup = new TargetGroupSpec { Protocol = "TCP", Port = 80, VpcId = "vpc-1" } },
        Status = new LoadBalancerBindingStatus { TargetGroupArn = current, LoadBalancerArns = loadBalancers, RetiredTargetGroupArns = retired },
    });

    [Fact]
    public void An_attached_target_group_is_the_entry()
    {
        Binding("web", NewGroup, ["arn:nlb"], retired: [OldGroup]);

        Assert.Equal([NewGroup], TargetGroups());
    }

    [Fact]
    public void A_replacement_no_load_balancer_forwards_to_yet_keeps_the_group_it_replaces()
    {
        Binding("web", NewGroup, loadBalancers: null, retired: [OldGroup]);

        Assert.Equal([OldGroup], TargetGroups());
    }

    [Fact]
    public void A_new_unattached_group_and_a_binding_being_deleted_give_no_entry()
    {
        Binding("web", NewGroup, loadBalancers: null);
        Binding("api", OldGroup, ["arn:alb"], deleting: true);

        Assert.Empty(TargetGroups());
    }
}

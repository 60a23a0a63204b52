using EcsOperator.Aws.Core;
using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Controllers.LoadBalancerBinding;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.Gc;

/// <summary>
/// Every ELBv2 target group and listener rule of the account and region, with its tags (DescribeTags, 20 ARNs a
/// call). Rules are found through every load balancer's listeners, not only through the owned target groups: an
/// orphaned rule may forward to a user's own target group, on a user's listener, and still be ours to remove.
/// Default rules are skipped (they cannot be deleted, and the operator never creates one).
/// </summary>
public sealed class ElbInventory(IElbv2Api elb)
{
    public async Task<IReadOnlyList<GcResource>> ReadAsync(CancellationToken cancellationToken)
    {
        var groups = await EcsInventory.ToListAsync(elb.DescribeAllTargetGroupsAsync(new Elb.DescribeTargetGroupsRequest(), cancellationToken));
        var rules = await RulesAsync(cancellationToken);
        var tags = await LoadBalancerBindingManager.TagsAsync(elb, groups.Select(g => g.TargetGroupArn!).Concat(rules), cancellationToken);
        var none = new Dictionary<string, string>();
        return
        [
            .. rules.Select(arn => new GcResource(GcKind.ListenerRule, arn, tags.GetValueOrDefault(arn) ?? none)),
            .. groups.Select(g => new GcResource(GcKind.TargetGroup, g.TargetGroupArn!, tags.GetValueOrDefault(g.TargetGroupArn!) ?? none)),
        ];
    }

    private async Task<List<string>> RulesAsync(CancellationToken cancellationToken)
    {
        var balancers = await EcsInventory.ToListAsync(AwsPaging.AllAsync(
            (marker, ct) => elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest { Marker = marker }, ct), r => r.LoadBalancers, r => r.NextMarker, cancellationToken));
        var rules = new List<string>();
        foreach (var balancer in balancers)
        {
            var listeners = await EcsInventory.ToListAsync(AwsPaging.AllAsync(
                (marker, ct) => elb.DescribeListenersAsync(new Elb.DescribeListenersRequest { LoadBalancerArn = balancer.LoadBalancerArn, Marker = marker }, ct), r => r.Listeners, r => r.NextMarker, cancellationToken));
            foreach (var listener in listeners)
            {
                await foreach (var rule in elb.DescribeAllRulesAsync(new Elb.DescribeRulesRequest { ListenerArn = listener.ListenerArn }, cancellationToken))
                {
                    if (rule.IsDefault != true && rule.RuleArn is { } arn)
                    {
                        rules.Add(arn);
                    }
                }
            }
        }

        return rules;
    }
}

using EcsOperator.Aws.Core;
using EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.Aws.ElasticLoadBalancingV2;

/// <summary>Every item of ELBv2's paged describes (Marker / NextMarker).</summary>
public static class Elbv2Paginators
{
    public static IAsyncEnumerable<TargetGroup> DescribeAllTargetGroupsAsync(this IElbv2Api elb, DescribeTargetGroupsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(elb);
        ArgumentNullException.ThrowIfNull(request);
        return AwsPaging.AllAsync(
            (marker, ct) =>
            {
                request.Marker = marker;
                return elb.DescribeTargetGroupsAsync(request, ct);
            },
            r => r.TargetGroups,
            r => r.NextMarker,
            cancellationToken);
    }

    public static IAsyncEnumerable<Rule> DescribeAllRulesAsync(this IElbv2Api elb, DescribeRulesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(elb);
        ArgumentNullException.ThrowIfNull(request);
        return AwsPaging.AllAsync(
            (marker, ct) =>
            {
                request.Marker = marker;
                return elb.DescribeRulesAsync(request, ct);
            },
            r => r.Rules,
            r => r.NextMarker,
            cancellationToken);
    }
}

using EcsOperator.Controllers.Shared;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.Controllers.LoadBalancerBinding;

/// <summary>
/// What AWS holds for one binding, a composite of its two resources: the target group (owned, or the existing one it
/// binds; null for a Classic Load Balancer) and its listener rule. Blocked carries an outcome a step found on the way
/// (a priority held by another rule, a listener that does not exist yet) for the status mapping to report.
/// </summary>
public sealed record BindingState(
    Elb.TargetGroup? TargetGroup,
    IReadOnlyDictionary<string, string> TargetGroupTags,
    IReadOnlyDictionary<string, string> Attributes,
    Elb.Rule? Rule,
    SyncOutcome? Blocked = null)
{
    /// <summary>The target group is the binding's own (spec.targetGroup), which it may update and delete.</summary>
    public bool Owned { get; init; }

    private static readonly Dictionary<string, string> None = new(StringComparer.Ordinal);

    /// <summary>A Classic Load Balancer binding: no ELBv2 resource at all.</summary>
    public static BindingState Classic { get; } = new(null, None, None, null);

    public static BindingState Of(Elb.TargetGroup? group, IReadOnlyDictionary<string, string>? tags = null, IReadOnlyDictionary<string, string>? attributes = null) =>
        new(group, tags ?? None, attributes ?? None, null);
}

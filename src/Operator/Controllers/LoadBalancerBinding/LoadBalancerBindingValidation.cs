using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;

namespace EcsOperator.Controllers.LoadBalancerBinding;

/// <summary>The exactly-one target rule and the listener rules of a LoadBalancerBinding spec.</summary>
public static class LoadBalancerBindingValidation
{
    public static IReadOnlyList<FieldError> Check(V1alpha1LoadBalancerBinding obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var spec = obj.Spec;
        var errors = new List<FieldError>();
        var targets = new[]
        {
            ("spec.targetGroupArn", spec.TargetGroupArn is not null),
            ("spec.targetGroup", spec.TargetGroup is not null),
            ("spec.loadBalancerName", spec.LoadBalancerName is not null),
        };
        var set = targets.Where(target => target.Item2).Select(target => target.Item1).ToList();
        if (set.Count != 1)
        {
            var problem = set.Count == 0 ? "none is set" : $"{string.Join(" and ", set)} are set";
            errors.Add(new FieldError(set.Count == 0 ? "spec.targetGroupArn" : set[1],
                $"set exactly one of spec.targetGroupArn, spec.targetGroup and spec.loadBalancerName: {problem}"));
        }

        if (spec.Listener is { } listener)
        {
            if (spec.LoadBalancerName is not null)
            {
                errors.Add(new FieldError("spec.listener",
                    "a listener rule forwards to a target group; it cannot be combined with spec.loadBalancerName"));
            }

            if (listener.HostHeaders is null && listener.PathPatterns is null)
            {
                errors.Add(new FieldError("spec.listener", "set spec.listener.hostHeaders, spec.listener.pathPatterns or both"));
            }
        }

        errors.AddRange(TagValidator.Validate(spec.Tags, "spec.tags"));
        return errors;
    }
}

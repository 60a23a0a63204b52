using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;

namespace EcsOperator.Controllers.LoadBalancerBinding;

/// <summary>
/// The checks of a LoadBalancerBinding: the spec's own rules (the CRD's CEL rules again), and those against the Service
/// it names (container and port, target type against network mode, Classic and Fargate, ECS's 5 load balancers).
/// Each error names the field; all run before any AWS call.
/// </summary>
public static class LoadBalancerBindingValidation
{
    /// <summary>ECS attaches at most 5 load balancers (target groups or Classic names) to one service.</summary>
    public const int MaxLoadBalancersPerService = 5;

    private static readonly HashSet<string> NetworkProtocols = new(StringComparer.Ordinal)
    {
        TargetGroupProtocol.Tcp, TargetGroupProtocol.Udp, TargetGroupProtocol.Tls, TargetGroupProtocol.TcpUdp,
        TargetGroupProtocol.Quic, TargetGroupProtocol.TcpQuic, TargetGroupProtocol.Geneve,
    };

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
            CheckListener(errors, spec, listener);
            errors.AddRange(AwsFormats.Arn("spec.listener.arn", listener.Arn, "elasticloadbalancing", "listener/"));
        }

        errors.AddRange(AwsFormats.Arn("spec.targetGroupArn", spec.TargetGroupArn, "elasticloadbalancing", "targetgroup/"));

        if (spec.TargetGroup?.Stickiness is { CookieName: not null, Type: not StickinessType.AppCookie })
        {
            errors.Add(new FieldError("spec.targetGroup.stickiness.cookieName", "a cookie name applies only to stickiness type app_cookie"));
        }

        errors.AddRange(TagValidator.Validate(spec.Tags, "spec.tags"));
        SpecText.AddTo(errors, spec);
        return errors;
    }

    /// <summary>The checks against the Service's task definition and its other bindings.</summary>
    public static IReadOnlyList<FieldError> CheckAgainst(LoadBalancerBindingSpec spec, BoundService service)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(service);
        var errors = new List<FieldError>();
        var container = service.Containers.FirstOrDefault(c => c.Name == spec.ContainerName);
        if (container is null)
        {
            errors.Add(new FieldError("spec.containerName",
                $"the task definition of Service {service.Name} has no container {spec.ContainerName} (it has: {string.Join(", ", service.Containers.Select(c => c.Name))})"));
        }
        else if (!container.Ports.Any(p => p.ContainerPort == spec.ContainerPort))
        {
            errors.Add(new FieldError("spec.containerPort",
                $"container {spec.ContainerName} of Service {service.Name} maps no containerPort {spec.ContainerPort} (it maps: {string.Join(", ", container.Ports.Select(p => p.ContainerPort))})"));
        }

        CheckNetworkMode(errors, spec, service);
        CheckServiceLimits(errors, spec, service);
        return errors;
    }

    private static void CheckListener(List<FieldError> errors, LoadBalancerBindingSpec spec, ListenerRuleSpec listener)
    {
        if (spec.LoadBalancerName is not null)
        {
            errors.Add(new FieldError("spec.listener",
                "a listener rule forwards to a target group; it cannot be combined with spec.loadBalancerName"));
        }

        if (listener.HostHeaders is null && listener.PathPatterns is null && listener.HttpHeaders is null && listener.QueryStrings is null)
        {
            errors.Add(new FieldError("spec.listener", "set spec.listener.hostHeaders, pathPatterns, httpHeaders or queryStrings: a listener rule needs a condition"));
        }

        // moto accepts a rule on a Network Load Balancer listener; ELBv2 does not. An existing target group's protocol is
        // unknown before a call, but the listener's ARN names its load balancer type (listener/app/, listener/net/...).
        if (listener.Arn.Contains(":listener/", StringComparison.Ordinal) && !listener.Arn.Contains(":listener/app/", StringComparison.Ordinal))
        {
            errors.Add(new FieldError("spec.listener.arn",
                $"listener rules exist on Application Load Balancer listeners only, and {listener.Arn} is not one; a Network Load Balancer listener's default action forwards to the target group instead"));
        }

        if (spec.TargetGroup is { } group && NetworkProtocols.Contains(group.Protocol))
        {
            errors.Add(new FieldError("spec.listener",
                $"listener rules exist on Application Load Balancer listeners only; a {group.Protocol} target group is served by a Network Load Balancer listener's default action"));
        }
    }

    private static void CheckNetworkMode(List<FieldError> errors, LoadBalancerBindingSpec spec, BoundService service)
    {
        var awsvpc = service.NetworkMode == "awsvpc";
        if (spec.LoadBalancerName is not null && (awsvpc || service.Fargate))
        {
            errors.Add(new FieldError("spec.loadBalancerName",
                $"a Classic Load Balancer cannot serve Service {service.Name}: it needs bridge or host network mode on EC2, and the service {(service.Fargate ? "runs on Fargate" : "uses awsvpc")}; use a target group"));
        }

        if (spec.TargetGroup is { } group)
        {
            var wanted = awsvpc ? TargetType.Ip : TargetType.Instance;
            var actual = group.TargetType ?? TargetType.Instance;
            if (actual != wanted)
            {
                errors.Add(new FieldError("spec.targetGroup.targetType",
                    $"Service {service.Name} uses network mode {service.NetworkMode}, which needs targetType {wanted} (found {actual})"));
            }
        }
    }

    private static void CheckServiceLimits(List<FieldError> errors, LoadBalancerBindingSpec spec, BoundService service)
    {
        if (service.OtherBindings.Count + 1 > MaxLoadBalancersPerService)
        {
            errors.Add(new FieldError("spec.serviceRef",
                $"Service {service.Name} already has {service.OtherBindings.Count} bindings ({string.Join(", ", service.OtherBindings.Select(b => b.Binding))}); ECS allows {MaxLoadBalancersPerService} load balancers per service"));
        }

        var duplicate = service.OtherBindings.FirstOrDefault(other =>
            other.ContainerName == spec.ContainerName && other.ContainerPort == spec.ContainerPort
            && ((spec.TargetGroupArn is not null && other.TargetGroupArn == spec.TargetGroupArn)
                || (spec.LoadBalancerName is not null && other.LoadBalancerName == spec.LoadBalancerName)));
        if (duplicate is not null)
        {
            errors.Add(new FieldError(spec.TargetGroupArn is not null ? "spec.targetGroupArn" : "spec.loadBalancerName",
                $"binding {duplicate.Binding} already attaches the same load balancer to {spec.ContainerName}:{spec.ContainerPort} of Service {service.Name}"));
        }
    }
}

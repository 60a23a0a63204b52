using EcsOperator.Controllers.Cluster;
using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Ecs = EcsOperator.Aws.Ecs.Model;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.Testing;

/// <summary>
/// What AWS answers for a resource created from a spec: the fields of the operator's own create request as AWS echoes
/// them, plus the identifiers and the defaults AWS fills in. This is the steady state, where spec and AWS agree; tests
/// and benchmarks change one field of it to make drift.
/// </summary>
public static class AwsEchoes
{
    public const string Account = "123456789012";

    /// <summary>DescribeClusters for a cluster made by CreateCluster from <paramref name="spec"/>, with no tasks running.</summary>
    public static Ecs.Cluster Cluster(ClusterSpec spec, string name, IReadOnlyDictionary<string, string> tags)
    {
        var cluster = WireShape.Convert<Ecs.Cluster>(ClusterRequest.Create(spec, name, tags))!;
        cluster.ClusterArn = $"arn:aws:ecs:us-east-1:{Account}:cluster/{name}";
        cluster.Status = "ACTIVE";
        cluster.ActiveServicesCount = 0;
        cluster.RunningTasksCount = 0;
        cluster.PendingTasksCount = 0;
        cluster.RegisteredContainerInstancesCount = 0;
        return cluster;
    }

    /// <summary>DescribeServices for a service created from <paramref name="spec"/>: the same fields, the ARN forms, and <paramref name="tags"/>.</summary>
    public static Ecs.Service Service(ServiceSpec spec, string clusterArn, int revision, IEnumerable<Ecs.LoadBalancer> balancers, IReadOnlyDictionary<string, string> tags)
    {
        var service = WireShape.Convert<Ecs.Service>(ServiceRequest.SpecFields(spec))!;
        service.ServiceName = "web";
        service.ClusterArn = clusterArn;
        service.Status = "ACTIVE";
        service.DesiredCount = spec.DesiredCount ?? 1;
        service.TaskDefinition = $"arn:aws:ecs:us-east-1:{Account}:task-definition/web:{revision}";
        service.LoadBalancers = [.. balancers];
        service.Tags = AwsTags.ToList(tags);
        return service;
    }

    /// <summary>DescribeTargetGroups for a group created from <paramref name="spec"/>: ELB fills in every health check field the spec leaves out.</summary>
    public static Elb.TargetGroup TargetGroup(TargetGroupSpec spec, string arn)
    {
        var health = spec.HealthCheck ?? new TargetGroupHealthCheck();
        return new Elb.TargetGroup
        {
            TargetGroupArn = arn,
            Protocol = spec.Protocol,
            Port = spec.Port,
            VpcId = spec.VpcId,
            TargetType = spec.TargetType,
            HealthCheckEnabled = health.Enabled ?? true,
            HealthCheckProtocol = health.Protocol ?? "HTTP",
            HealthCheckPort = health.Port ?? "traffic-port",
            HealthCheckPath = health.Path ?? "/",
            HealthCheckIntervalSeconds = health.IntervalSeconds ?? 30,
            HealthCheckTimeoutSeconds = health.TimeoutSeconds ?? 5,
            HealthyThresholdCount = health.HealthyThresholdCount ?? 5,
            UnhealthyThresholdCount = health.UnhealthyThresholdCount ?? 2,
            Matcher = new Elb.Matcher { HttpCode = health.HttpCode ?? "200" },
        };
    }

    /// <summary>DescribeTargetGroupAttributes: ELB's defaults for an IP target group, overlaid with what the spec sets.</summary>
    public static Dictionary<string, string> TargetGroupAttributes(TargetGroupSpec spec)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [LoadBalancerBindingRequest.DeregistrationDelay] = "300",
            [LoadBalancerBindingRequest.SlowStart] = "0",
            [LoadBalancerBindingRequest.StickinessEnabled] = "false",
            [LoadBalancerBindingRequest.StickinessType] = "lb_cookie",
            ["stickiness.lb_cookie.duration_seconds"] = "86400",
            ["load_balancing.algorithm.type"] = "round_robin",
        };
        foreach (var (key, value) in LoadBalancerBindingRequest.Attributes(spec))
        {
            attributes[key] = value;
        }

        return attributes;
    }

    /// <summary>DescribeRules for the rule created from <paramref name="spec"/>, forwarding to <paramref name="targetGroupArn"/>.</summary>
    public static Elb.Rule Rule(ListenerRuleSpec spec, string targetGroupArn) => new()
    {
        RuleArn = $"arn:aws:elasticloadbalancing:us-east-1:{Account}:listener-rule/app/demo/0123456789abcdef/0123456789abcdef/0123456789abcdef",
        Priority = spec.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Conditions = LoadBalancerBindingRequest.Conditions(spec),
        Actions = LoadBalancerBindingRequest.Forward(targetGroupArn),
        IsDefault = false,
    };
}

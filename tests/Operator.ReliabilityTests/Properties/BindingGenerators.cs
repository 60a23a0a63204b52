using CsCheck;
using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Entities;
using EcsOperator.Testing;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.ReliabilityTests.Properties;

/// <summary>Random target group and listener rule specs, and what ELB might report for them, from small pools.</summary>
public static class BindingGenerators
{
    public const string TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1";

    private static readonly string[] Paths = ["/", "/healthz", "/ready"];
    private static readonly string[] Codes = ["200", "200-299", "200,301"];
    private static readonly string[] Hosts = ["a.example.com", "b.example.com", "*.example.org"];

    public static readonly Gen<TargetGroupHealthCheck> HealthCheck =
        Gen.Select(Gen.Bool.Nullable(0.5), Gen.OneOf("HTTP", "HTTPS").Null(0.5), Gen.OneOf("traffic-port", "8080").Null(0.5), Gen.OneOf(Paths).Null(0.4), Gen.Int[5, 30].Nullable(0.5), Gen.Int[2, 10].Nullable(0.5), Gen.OneOf(Codes).Null(0.5))
            .Select((enabled, protocol, port, path, interval, healthy, code) => new TargetGroupHealthCheck
            {
                Enabled = enabled,
                Protocol = protocol,
                Port = port,
                Path = path,
                IntervalSeconds = interval,
                TimeoutSeconds = interval is { } i ? Math.Max(2, i / 2) : null,
                HealthyThresholdCount = healthy,
                UnhealthyThresholdCount = healthy,
                HttpCode = code,
            });

    public static readonly Gen<TargetGroupSpec> TargetGroup =
        Gen.Select(HealthCheck.Null(0.3), Gen.Int[0, 300].Nullable(0.5), Gen.Int[0, 60].Nullable(0.6), Stickiness.Null(0.6))
            .Select((health, delay, slowStart, stickiness) => new TargetGroupSpec
            {
                Protocol = "HTTP",
                Port = 80,
                VpcId = "vpc-1",
                TargetType = "ip",
                HealthCheck = health,
                DeregistrationDelaySeconds = delay,
                SlowStartSeconds = slowStart,
                Stickiness = stickiness,
            });

    /// <summary>An ELB target group whose health check is another random one (ELB fills every field in).</summary>
    public static readonly Gen<Elb.TargetGroup> ObservedGroup =
        HealthCheck.Select(h => AwsEchoes.TargetGroup(new TargetGroupSpec { Protocol = "HTTP", Port = 80, VpcId = "vpc-1", TargetType = "ip", HealthCheck = h }, TargetGroupArn));

    public static readonly Gen<Dictionary<string, string>> ObservedAttributes =
        Gen.Select(Gen.OneOf(LoadBalancerBindingRequest.DeregistrationDelay, LoadBalancerBindingRequest.SlowStart, LoadBalancerBindingRequest.StickinessEnabled, LoadBalancerBindingRequest.StickinessType), Gen.OneOf("0", "30", "300", "true", "false", "lb_cookie"))
            .Array[0, 5]
            .Select(pairs => pairs.GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.Last().Item2, StringComparer.Ordinal));

    public static readonly Gen<ListenerRuleSpec> Rule =
        Gen.Select(Gen.Int[1, 5], Gen.Shuffle(Hosts, 0, 3), Gen.Shuffle(Paths, 0, 2), Header.List[0, 2], Query.List[0, 2])
            .Select((priority, hosts, paths, headers, queries) => new ListenerRuleSpec
            {
                Arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/lb/1/2",
                Priority = priority,
                HostHeaders = hosts,
                PathPatterns = paths,
                HttpHeaders = headers,
                QueryStrings = queries,
            });

    /// <summary>A rule as ELB reports one: another random spec's conditions, in either the Values or the *Config form, in any order.</summary>
    public static readonly Gen<Elb.Rule> ObservedRule =
        Gen.Select(Rule, Gen.Bool, Gen.Int[0, 3], Gen.OneOf(TargetGroupArn, TargetGroupArn + "-old"), Gen.Bool)
            .Select((spec, legacyValues, rotate, target, forwardConfig) =>
            {
                var conditions = LoadBalancerBindingRequest.Conditions(spec);
                if (legacyValues)
                {
                    conditions = [.. conditions.Select(Legacy)];
                }

                return new Elb.Rule
                {
                    Priority = spec.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Conditions = [.. conditions.Skip(rotate), .. conditions.Take(rotate)],
                    Actions = forwardConfig
                        ? [new Elb.Action { Type = "forward", ForwardConfig = new Elb.ForwardActionConfig { TargetGroups = [new Elb.TargetGroupTuple { TargetGroupArn = target }] } }]
                        : [new Elb.Action { Type = "forward", TargetGroupArn = target }],
                };
            });

    private static Gen<TargetGroupStickiness> Stickiness =>
        Gen.Select(Gen.Bool, Gen.OneOf(StickinessType.LbCookie, StickinessType.AppCookie).Null(0.3), Gen.Int[1, 86400].Nullable(0.5))
            .Select((enabled, type, duration) => new TargetGroupStickiness
            {
                Enabled = enabled,
                Type = type,
                CookieDurationSeconds = duration,
                CookieName = type == StickinessType.AppCookie ? "session" : null,
            });

    private static Gen<HttpHeaderMatch> Header =>
        Gen.Select(Gen.OneOf("X-Env", "x-tenant"), Gen.Shuffle(new[] { "a", "b", "c" }, 1, 3))
            .Select((name, values) => new HttpHeaderMatch { Name = name, Values = values });

    private static Gen<QueryStringMatch> Query =>
        Gen.Select(Gen.OneOf("v", "mode").Null(0.3), Gen.OneOf("1", "2"))
            .Select((key, value) => new QueryStringMatch { Values = [new QueryStringPair { Key = key, Value = value }] });

    /// <summary>ELB echoes host-header and path-pattern values in the older Values field as well; some clients read only that.</summary>
    private static Elb.RuleCondition Legacy(Elb.RuleCondition condition) => condition.Field switch
    {
        "host-header" => new Elb.RuleCondition { Field = condition.Field, Values = condition.HostHeaderConfig?.Values },
        "path-pattern" => new Elb.RuleCondition { Field = condition.Field, Values = condition.PathPatternConfig?.Values },
        _ => condition,
    };
}

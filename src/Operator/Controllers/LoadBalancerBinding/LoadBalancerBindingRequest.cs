using System.Globalization;
using EcsOperator.Entities;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.Controllers.LoadBalancerBinding;

/// <summary>A LoadBalancerBinding spec as ELBv2 requests: the target group, its attributes, and the listener rule.</summary>
public static class LoadBalancerBindingRequest
{
    public const string DeregistrationDelay = "deregistration_delay.timeout_seconds";
    public const string SlowStart = "slow_start.duration_seconds";
    public const string StickinessEnabled = "stickiness.enabled";
    public const string StickinessType = "stickiness.type";
    public const string AppCookieName = "stickiness.app_cookie.cookie_name";

    public static Elb.CreateTargetGroupRequest CreateTargetGroup(string name, TargetGroupSpec spec, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var health = spec.HealthCheck;
        return new Elb.CreateTargetGroupRequest
        {
            Name = name,
            Protocol = spec.Protocol,
            ProtocolVersion = spec.ProtocolVersion,
            Port = spec.Port,
            VpcId = spec.VpcId,
            TargetType = spec.TargetType,
            IpAddressType = spec.IpAddressType,
            HealthCheckEnabled = health?.Enabled,
            HealthCheckProtocol = health?.Protocol,
            HealthCheckPort = health?.Port,
            HealthCheckPath = health?.Path,
            HealthCheckIntervalSeconds = health?.IntervalSeconds,
            HealthCheckTimeoutSeconds = health?.TimeoutSeconds,
            HealthyThresholdCount = health?.HealthyThresholdCount,
            UnhealthyThresholdCount = health?.UnhealthyThresholdCount,
            Matcher = MatcherOf(health),
            Tags = Tags(tags),
        };
    }

    public static Elb.Matcher? MatcherOf(TargetGroupHealthCheck? health) =>
        health?.HttpCode is null && health?.GrpcCode is null ? null : new Elb.Matcher { HttpCode = health.HttpCode, GrpcCode = health.GrpcCode };

    /// <summary>The attributes the spec sets, by ELB key; attributes it leaves out keep ELB's (or the console's) values.</summary>
    public static SortedDictionary<string, string> Attributes(TargetGroupSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Put(attributes, DeregistrationDelay, spec.DeregistrationDelaySeconds);
        Put(attributes, SlowStart, spec.SlowStartSeconds);
        if (spec.Stickiness is { } stickiness)
        {
            attributes[StickinessEnabled] = stickiness.Enabled ? "true" : "false";
            if (stickiness.Type is { } type)
            {
                attributes[StickinessType] = type;
                Put(attributes, $"stickiness.{type}.duration_seconds", type is Entities.StickinessType.LbCookie or Entities.StickinessType.AppCookie ? stickiness.CookieDurationSeconds : null);
            }

            if (stickiness.CookieName is { } cookie)
            {
                attributes[AppCookieName] = cookie;
            }
        }

        return attributes;
    }

    /// <summary>The rule's conditions, one per kind the spec sets, each in ELB's *Config form.</summary>
    public static List<Elb.RuleCondition> Conditions(ListenerRuleSpec listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var conditions = new List<Elb.RuleCondition>();
        if (listener.HostHeaders is { Count: > 0 } hosts)
        {
            conditions.Add(new() { Field = "host-header", HostHeaderConfig = new() { Values = [.. hosts] } });
        }

        if (listener.PathPatterns is { Count: > 0 } paths)
        {
            conditions.Add(new() { Field = "path-pattern", PathPatternConfig = new() { Values = [.. paths] } });
        }

        foreach (var header in listener.HttpHeaders ?? [])
        {
            conditions.Add(new() { Field = "http-header", HttpHeaderConfig = new() { HttpHeaderName = header.Name, Values = [.. header.Values] } });
        }

        foreach (var query in listener.QueryStrings ?? [])
        {
            conditions.Add(new()
            {
                Field = "query-string",
                QueryStringConfig = new() { Values = [.. query.Values.Select(pair => new Elb.QueryStringKeyValuePair { Key = pair.Key, Value = pair.Value })] },
            });
        }

        return conditions;
    }

    /// <summary>The rule's one action: forward everything that matches to the binding's target group.</summary>
    public static List<Elb.Action> Forward(string targetGroupArn) => [new Elb.Action { Type = "forward", TargetGroupArn = targetGroupArn }];

    public static List<Elb.Tag> Tags(IEnumerable<KeyValuePair<string, string>> tags) =>
        [.. tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Elb.Tag { Key = t.Key, Value = t.Value })];

    public static Dictionary<string, string> TagMap(IEnumerable<Elb.Tag>? tags) =>
        (tags ?? []).Where(t => t.Key is not null)
            .GroupBy(t => t.Key!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal);

    private static void Put(SortedDictionary<string, string> attributes, string key, int? value)
    {
        if (value is { } set)
        {
            attributes[key] = set.ToString(CultureInfo.InvariantCulture);
        }
    }
}

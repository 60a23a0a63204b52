using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.Controllers.LoadBalancerBinding;

/// <summary>
/// What an owned target group needs, spec against AWS: ModifyTargetGroup with the health check fields that differ,
/// ModifyTargetGroupAttributes with the attributes that differ, tag changes, and the immutable fields that differ
/// (which a named group cannot change: a derived name changes with them instead). Only fields the spec sets are
/// compared, so ELB's defaults never look like drift.
/// </summary>
public sealed record TargetGroupDelta(
    Elb.ModifyTargetGroupRequest? HealthCheck,
    IReadOnlyDictionary<string, string> Attributes,
    TagChanges Tags,
    IReadOnlyList<string> ImmutableChanges)
{
    public bool IsEmpty => HealthCheck is null && Attributes.Count == 0 && Tags.IsEmpty;

    public IEnumerable<string> Fields()
    {
        if (HealthCheck is not null)
        {
            yield return "healthCheck";
        }

        foreach (var key in Attributes.Keys)
        {
            yield return key;
        }

        if (!Tags.IsEmpty)
        {
            yield return "tags";
        }
    }

    public static TargetGroupDelta Compute(
        TargetGroupSpec spec,
        Elb.TargetGroup observed,
        IReadOnlyDictionary<string, string> observedAttributes,
        IReadOnlyDictionary<string, string> desiredTags,
        IReadOnlyDictionary<string, string> observedTags,
        IEnumerable<string>? appliedTagKeys)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(observedAttributes);
        var attributes = LoadBalancerBindingRequest.Attributes(spec)
            .Where(a => !observedAttributes.TryGetValue(a.Key, out var current) || !string.Equals(current, a.Value, StringComparison.Ordinal))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        return new TargetGroupDelta(
            HealthCheckChange(spec.HealthCheck, observed),
            attributes,
            TagChanges.Compute(desiredTags, observedTags, appliedTagKeys),
            ImmutableFieldChanges(spec, observed));
    }

    private static Elb.ModifyTargetGroupRequest? HealthCheckChange(TargetGroupHealthCheck? health, Elb.TargetGroup observed)
    {
        if (health is null)
        {
            return null;
        }

        var request = new Elb.ModifyTargetGroupRequest
        {
            TargetGroupArn = observed.TargetGroupArn,
            HealthCheckEnabled = Differs(health.Enabled, observed.HealthCheckEnabled),
            HealthCheckProtocol = Differs(health.Protocol, observed.HealthCheckProtocol),
            HealthCheckPort = Differs(health.Port, observed.HealthCheckPort),
            HealthCheckPath = Differs(health.Path, observed.HealthCheckPath),
            HealthCheckIntervalSeconds = Differs(health.IntervalSeconds, observed.HealthCheckIntervalSeconds),
            HealthCheckTimeoutSeconds = Differs(health.TimeoutSeconds, observed.HealthCheckTimeoutSeconds),
            HealthyThresholdCount = Differs(health.HealthyThresholdCount, observed.HealthyThresholdCount),
            UnhealthyThresholdCount = Differs(health.UnhealthyThresholdCount, observed.UnhealthyThresholdCount),
        };
        var matcherChanged = Differs(health.HttpCode, observed.Matcher?.HttpCode) is not null || Differs(health.GrpcCode, observed.Matcher?.GrpcCode) is not null;
        request.Matcher = matcherChanged ? LoadBalancerBindingRequest.MatcherOf(health) : null;
        var any = request.HealthCheckEnabled is not null || request.HealthCheckProtocol is not null || request.HealthCheckPort is not null
            || request.HealthCheckPath is not null || request.HealthCheckIntervalSeconds is not null || request.HealthCheckTimeoutSeconds is not null
            || request.HealthyThresholdCount is not null || request.UnhealthyThresholdCount is not null || request.Matcher is not null;
        return any ? request : null;
    }

    private static List<string> ImmutableFieldChanges(TargetGroupSpec spec, Elb.TargetGroup observed)
    {
        var actual = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["spec.targetGroup.protocol"] = observed.Protocol,
            ["spec.targetGroup.port"] = observed.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["spec.targetGroup.vpcId"] = observed.VpcId,
            ["spec.targetGroup.targetType"] = observed.TargetType,
            ["spec.targetGroup.protocolVersion"] = observed.ProtocolVersion,
            ["spec.targetGroup.ipAddressType"] = observed.IpAddressType,
        };
        return
        [
            .. TargetGroupNames.ImmutableFields(spec)
                .Where(field => actual[field.Path] is { } current && field.Value is { } wanted && !string.Equals(current, wanted, StringComparison.OrdinalIgnoreCase))
                .Select(field => $"{field.Path}: the target group has {actual[field.Path]}, the spec asks for {field.Value}"),
        ];
    }

    private static T? Differs<T>(T? desired, T? observed)
        where T : struct => desired is { } wanted && (observed is not { } current || !EqualityComparer<T>.Default.Equals(wanted, current)) ? wanted : null;

    private static string? Differs(string? desired, string? observed) =>
        desired is not null && !string.Equals(desired, observed, StringComparison.Ordinal) ? desired : null;
}

/// <summary>
/// What the binding's listener rule needs: ModifyRule when its conditions or its forward target differ, and
/// SetRulePriorities when its priority differs (ModifyRule cannot change a priority). Conditions are compared in a
/// canonical form, so ELB's echo of both Values and *Config, and its ordering, never look like drift.
/// </summary>
public sealed record ListenerRuleDelta(bool Conditions, bool Action, int? Priority)
{
    public bool IsEmpty => !Conditions && !Action && Priority is null;

    public static ListenerRuleDelta Compute(ListenerRuleSpec spec, string targetGroupArn, Elb.Rule observed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observed);
        var conditions = !Canonical(LoadBalancerBindingRequest.Conditions(spec)).SequenceEqual(Canonical(observed.Conditions ?? []), StringComparer.Ordinal);
        var action = !ForwardTargets(observed.Actions).SequenceEqual([targetGroupArn], StringComparer.Ordinal);
        var priority = int.TryParse(observed.Priority, System.Globalization.CultureInfo.InvariantCulture, out var current) && current == spec.Priority ? (int?)null : spec.Priority;
        return new ListenerRuleDelta(conditions, action, priority);
    }

    /// <summary>The target groups the rule forwards to, from either form ELB uses (TargetGroupArn or ForwardConfig).</summary>
    public static IReadOnlyList<string> ForwardTargets(IEnumerable<Elb.Action>? actions) =>
        [
            .. (actions ?? []).Where(a => a.Type == "forward")
                .SelectMany(a => a.TargetGroupArn is { } arn ? [arn] : (a.ForwardConfig?.TargetGroups ?? []).Select(t => t.TargetGroupArn ?? string.Empty))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal),
        ];

    /// <summary>Each condition as "field|key|sorted values", sorted: the same rule always reads the same.</summary>
    public static IReadOnlyList<string> Canonical(IEnumerable<Elb.RuleCondition> conditions) =>
        [.. conditions.Select(CanonicalOne).Order(StringComparer.Ordinal)];

    private static string CanonicalOne(Elb.RuleCondition condition)
    {
        var (key, values) = condition.Field switch
        {
            "host-header" => (string.Empty, condition.HostHeaderConfig?.Values ?? condition.Values),
            "path-pattern" => (string.Empty, condition.PathPatternConfig?.Values ?? condition.Values),
            "http-header" => (condition.HttpHeaderConfig?.HttpHeaderName?.ToLowerInvariant() ?? string.Empty, condition.HttpHeaderConfig?.Values),
            "query-string" => (string.Empty, condition.QueryStringConfig?.Values?.Select(pair => $"{pair.Key}={pair.Value}").ToList()),
            _ => (string.Empty, condition.Values),
        };
        return $"{condition.Field}|{key}|{string.Join(',', (values ?? []).Order(StringComparer.Ordinal))}";
    }
}

namespace EcsOperator.Tests.Crds;

/// <summary>
/// A value for <c>self</c> (and <c>oldSelf</c> for transition rules) and whether the rule must accept it.
/// <see cref="RuleFragment"/> picks the rule: it must occur in exactly one distinct rule of the CRDs.
/// </summary>
internal sealed record CelRuleCase(string Name, string RuleFragment, string Self, string? OldSelf, bool Accepted);

/// <summary>
/// Valid and invalid objects for every rule in the generated CRDs. A field whose presence a rule tests is never
/// an empty object here: the Cel package answers has() with false for a present but empty map, where Kubernetes
/// answers true, and the cases must mean the same thing to both.
/// </summary>
internal static class CelRuleCases
{
    private static readonly string LongKey = new('k', 128);

    public static IReadOnlyList<CelRuleCase> All { get; } =
    [
        .. NameImmutability("clusterName"),
        .. NameImmutability("family"),
        .. NameImmutability("serviceName"),

        new("cluster: clusterRef only", "has(self.clusterRef) != has(self.cluster)", """{"clusterRef":{"name":"demo"}}""", null, true),
        new("cluster: ARN only", "has(self.clusterRef) != has(self.cluster)", """{"cluster":"arn:aws:ecs:us-east-1:1:cluster/x"}""", null, true),
        new("cluster: neither", "has(self.clusterRef) != has(self.cluster)", "{}", null, false),
        new("cluster: both", "has(self.clusterRef) != has(self.cluster)", """{"clusterRef":{"name":"demo"},"cluster":"x"}""", null, false),

        new("task definition: ref only", "has(self.taskDefinitionRef)", """{"taskDefinitionRef":{"name":"web"}}""", null, true),
        new("task definition: family:revision only", "has(self.taskDefinitionRef)", """{"taskDefinition":"web:3"}""", null, true),
        new("task definition: neither", "has(self.taskDefinitionRef)", "{}", null, false),
        new("task definition: both", "has(self.taskDefinitionRef)", """{"taskDefinitionRef":{"name":"web"},"taskDefinition":"web:3"}""", null, false),

        new("placement: neither (cluster default)", "has(self.launchType) &&", "{}", null, true),
        new("placement: launchType", "has(self.launchType) &&", """{"launchType":"FARGATE"}""", null, true),
        new("placement: strategy", "has(self.launchType) &&", """{"capacityProviderStrategy":[{"capacityProvider":"FARGATE"}]}""", null, true),
        new("placement: both", "has(self.launchType) &&", """{"launchType":"FARGATE","capacityProviderStrategy":[{"capacityProvider":"FARGATE"}]}""", null, false),

        new("target: ARN", "has(self.targetGroupArn) ? 1", """{"targetGroupArn":"arn:tg"}""", null, true),
        new("target: owned group", "has(self.targetGroupArn) ? 1", """{"targetGroup":{"protocol":"HTTP","port":80,"vpcId":"vpc-1"}}""", null, true),
        new("target: classic", "has(self.targetGroupArn) ? 1", """{"loadBalancerName":"legacy"}""", null, true),
        new("target: none", "has(self.targetGroupArn) ? 1", "{}", null, false),
        new("target: two", "has(self.targetGroupArn) ? 1", """{"targetGroupArn":"arn:tg","loadBalancerName":"legacy"}""", null, false),
        new("target: three", "has(self.targetGroupArn) ? 1", """{"targetGroupArn":"a","targetGroup":{"port":80},"loadBalancerName":"b"}""", null, false),

        new("listener with a target group", "!has(self.listener) ||", """{"listener":{"arn":"a"},"targetGroup":{"port":80}}""", null, true),
        new("classic without listener", "!has(self.listener) ||", """{"loadBalancerName":"legacy"}""", null, true),
        new("listener with classic", "!has(self.listener) ||", """{"listener":{"arn":"a"},"loadBalancerName":"legacy"}""", null, false),

        new("listener: host header", "has(self.hostHeaders) ||", """{"arn":"a","priority":1,"hostHeaders":["web.example.com"]}""", null, true),
        new("listener: path pattern", "has(self.hostHeaders) ||", """{"arn":"a","priority":1,"pathPatterns":["/*"]}""", null, true),
        new("listener: no condition", "has(self.hostHeaders) ||", """{"arn":"a","priority":1}""", null, false),

        new("volume: scratch", "has(self.host) ? 1", """{"name":"scratch"}""", null, true),
        new("volume: EFS", "has(self.host) ? 1", """{"name":"data","efsVolumeConfiguration":{"fileSystemId":"fs-1"}}""", null, true),
        new("volume: EFS and host", "has(self.host) ? 1", """{"name":"data","host":{"sourcePath":"/srv"},"efsVolumeConfiguration":{"fileSystemId":"fs-1"}}""", null, false),

        new("tags: user keys", "startsWith('ecs.operator.dev/')", """{"team":"payments","app":"web"}""", null, true),
        new("tags: empty", "startsWith('ecs.operator.dev/')", "{}", null, true),
        new("tags: operator prefix", "startsWith('ecs.operator.dev/')", """{"ecs.operator.dev/owner":"x"}""", null, false),
        new("tags: aws prefix", "startsWith('ecs.operator.dev/')", """{"aws:cloudformation:stack-id":"x"}""", null, false),

        new("tag key: 128 characters", "size(k) <= 128", $$"""{"{{LongKey}}":"v"}""", null, true),
        new("tag key: 129 characters", "size(k) <= 128", $$"""{"{{LongKey}}k":"v"}""", null, false),
        new("tag key: empty", "size(k) <= 128", """{"":"v"}""", null, false),
    ];

    /// <summary>
    /// The AWS name is spec.&lt;field&gt; or else metadata.name. It may be written out or dropped as long as the
    /// effective name stays the same; any change to the effective name is refused.
    /// </summary>
    private static IEnumerable<CelRuleCase> NameImmutability(string field)
    {
        var fragment = $"has(self.spec.{field})";
        string Object(string? value) =>
            """{"metadata":{"name":"demo"},"spec":""" + (value is null ? "{}" : $$"""{"{{field}}":"{{value}}"}""") + "}";

        yield return new($"{field}: unset stays unset", fragment, Object(null), Object(null), true);
        yield return new($"{field}: set stays the same", fragment, Object("x"), Object("x"), true);
        yield return new($"{field}: written out as metadata.name", fragment, Object("demo"), Object(null), true);
        yield return new($"{field}: dropped while equal to metadata.name", fragment, Object(null), Object("demo"), true);
        yield return new($"{field}: added with another name", fragment, Object("other"), Object(null), false);
        yield return new($"{field}: changed", fragment, Object("y"), Object("x"), false);
        yield return new($"{field}: dropped while different from metadata.name", fragment, Object(null), Object("x"), false);
    }
}

using CsCheck;
using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Xunit;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.ReliabilityTests.Properties;

/// <summary>
/// For random spec/ELB pairs: doing what the target group and listener rule deltas ask (as ELB applies
/// ModifyTargetGroup, ModifyTargetGroupAttributes, AddTags/RemoveTags, ModifyRule and SetRulePriorities) leaves
/// nothing to do. The canonical rule form is a fixed point, whatever the order or form ELB reports conditions in.
/// </summary>
public sealed class LoadBalancerBindingDeltaProperties
{
    private static readonly Dictionary<string, string> OwnerTags = new(StringComparer.Ordinal)
    {
        [WellKnown.OwnerTag] = "ns/LoadBalancerBinding/web",
        [WellKnown.ClusterIdTag] = "uid",
    };

    [Fact]
    public void Applying_the_target_group_delta_leaves_an_empty_delta()
    {
        var gen = Gen.Select(BindingGenerators.TargetGroup, BindingGenerators.ObservedGroup, BindingGenerators.ObservedAttributes, ClusterGenerators.Tags, ClusterGenerators.Tags, Gen.Shuffle(ClusterGenerators.TagKeys, 0, 4));
        PropertyRuns.Check(gen, sample =>
        {
            var (spec, group, attributes, userTags, observedTags, applied) = sample;
            var desiredTags = AwsTags.Merge(userTags, OwnerTags);
            var delta = TargetGroupDelta.Compute(spec, group, attributes, desiredTags, observedTags, applied);

            Assert.Empty(delta.ImmutableChanges);
            ApplyHealthCheck(delta.HealthCheck, group);
            foreach (var (key, value) in delta.Attributes)
            {
                attributes[key] = value;
            }

            foreach (var (key, value) in delta.Tags.ToSet)
            {
                observedTags[key] = value;
            }

            foreach (var key in delta.Tags.ToRemove)
            {
                observedTags.Remove(key);
            }

            var again = TargetGroupDelta.Compute(spec, group, attributes, desiredTags, observedTags, applied);
            Assert.True(again.IsEmpty, $"still differs: {string.Join(", ", again.Fields())}");
        });
    }

    [Fact]
    public void Applying_the_listener_rule_delta_leaves_an_empty_delta()
    {
        PropertyRuns.Check(Gen.Select(BindingGenerators.Rule, BindingGenerators.ObservedRule), sample =>
        {
            var (spec, rule) = sample;
            var delta = ListenerRuleDelta.Compute(spec, BindingGenerators.TargetGroupArn, rule);
            if (delta.Conditions)
            {
                rule.Conditions = LoadBalancerBindingRequest.Conditions(spec);
            }

            if (delta.Action)
            {
                rule.Actions = LoadBalancerBindingRequest.Forward(BindingGenerators.TargetGroupArn);
            }

            if (delta.Priority is { } priority)
            {
                rule.Priority = priority.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            Assert.True(ListenerRuleDelta.Compute(spec, BindingGenerators.TargetGroupArn, rule).IsEmpty);
        });
    }

    [Fact]
    public void A_rule_reported_in_any_order_or_form_matches_its_spec()
    {
        PropertyRuns.Check(BindingGenerators.Rule, spec =>
        {
            var conditions = LoadBalancerBindingRequest.Conditions(spec);
            var reported = new Elb.Rule
            {
                Priority = spec.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Conditions = [.. Enumerable.Reverse(conditions)],
                Actions = LoadBalancerBindingRequest.Forward(BindingGenerators.TargetGroupArn),
            };

            Assert.True(ListenerRuleDelta.Compute(spec, BindingGenerators.TargetGroupArn, reported).IsEmpty);
            var canonical = ListenerRuleDelta.Canonical(conditions);
            Assert.Equal(canonical, ListenerRuleDelta.Canonical(reported.Conditions));
        });
    }

    /// <summary>ModifyTargetGroup changes the fields it is given; a Matcher replaces the whole matcher.</summary>
    private static void ApplyHealthCheck(Elb.ModifyTargetGroupRequest? change, Elb.TargetGroup group)
    {
        if (change is null)
        {
            return;
        }

        group.HealthCheckEnabled = change.HealthCheckEnabled ?? group.HealthCheckEnabled;
        group.HealthCheckProtocol = change.HealthCheckProtocol ?? group.HealthCheckProtocol;
        group.HealthCheckPort = change.HealthCheckPort ?? group.HealthCheckPort;
        group.HealthCheckPath = change.HealthCheckPath ?? group.HealthCheckPath;
        group.HealthCheckIntervalSeconds = change.HealthCheckIntervalSeconds ?? group.HealthCheckIntervalSeconds;
        group.HealthCheckTimeoutSeconds = change.HealthCheckTimeoutSeconds ?? group.HealthCheckTimeoutSeconds;
        group.HealthyThresholdCount = change.HealthyThresholdCount ?? group.HealthyThresholdCount;
        group.UnhealthyThresholdCount = change.UnhealthyThresholdCount ?? group.UnhealthyThresholdCount;
        group.Matcher = change.Matcher ?? group.Matcher;
    }
}

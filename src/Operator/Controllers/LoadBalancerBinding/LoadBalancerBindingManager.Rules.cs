using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.Controllers.LoadBalancerBinding;

/// <summary>The listener rule calls: found by its tags before any create, so that a crash cannot make a second rule.</summary>
public sealed partial class LoadBalancerBindingManager
{
    /// <summary>
    /// This object's rule on the listener: the one status names when it still exists there, else the one carrying its
    /// ownership tags (a crash between CreateRule and the status write leaves it unnamed). Null when there is none.
    /// ListenerNotFound propagates: the caller waits for the listener.
    /// </summary>
    public async Task<Elb.Rule?> FindRuleAsync(string listenerArn, string? knownRuleArn, OwnershipTags ownership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ownership);
        if (knownRuleArn is not null && IsOnListener(knownRuleArn, listenerArn) && await DescribeRuleAsync(knownRuleArn, cancellationToken) is { } known)
        {
            return known;
        }

        var candidates = new List<Elb.Rule>();
        await foreach (var rule in elb.DescribeAllRulesAsync(new Elb.DescribeRulesRequest { ListenerArn = listenerArn }, cancellationToken))
        {
            if (rule.IsDefault != true && rule.RuleArn is not null)
            {
                candidates.Add(rule);
            }
        }

        var tags = await TagsAsync(candidates.Select(r => r.RuleArn!), cancellationToken);
        return candidates.FirstOrDefault(r => tags.TryGetValue(r.RuleArn!, out var t) && ownership.Classify(t) == Ownership.Ours);
    }

    /// <summary>The rule by ARN, or null when it is gone (RuleNotFound).</summary>
    public async Task<Elb.Rule?> DescribeRuleAsync(string ruleArn, CancellationToken cancellationToken)
    {
        try
        {
            return (await elb.DescribeRulesAsync(new Elb.DescribeRulesRequest { RuleArns = [ruleArn] }, cancellationToken)).Rules?.FirstOrDefault();
        }
        catch (Elb.RuleNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Creates the rule, tagged at create so that it can be found again. PriorityInUse propagates.</summary>
    public async Task<Elb.Rule> CreateRuleAsync(V1alpha1LoadBalancerBinding obj, ListenerRuleSpec listener, string targetGroupArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var created = await elb.CreateRuleAsync(new Elb.CreateRuleRequest
        {
            ListenerArn = listener.Arn,
            Priority = listener.Priority,
            Conditions = LoadBalancerBindingRequest.Conditions(listener),
            Actions = LoadBalancerBindingRequest.Forward(targetGroupArn),
            Tags = LoadBalancerBindingRequest.Tags(tags),
        }, cancellationToken);
        var rule = created.Rules?.FirstOrDefault() ?? throw new InvalidOperationException($"CreateRule returned no rule on {listener.Arn}");
        await status.MutatedAsync(obj, "ListenerRuleCreated", "CreateRule", $"Created rule {rule.RuleArn} with priority {listener.Priority}", cancellationToken);
        return rule;
    }

    /// <summary>
    /// ModifyRule for conditions and the forward target, SetRulePriorities for the priority (one pair per call: moto
    /// refuses a swap inside one call, which AWS allows, and the binding never needs a swap). PriorityInUse propagates.
    /// </summary>
    public async Task UpdateRuleAsync(V1alpha1LoadBalancerBinding obj, Elb.Rule rule, ListenerRuleSpec listener, string targetGroupArn, ListenerRuleDelta delta, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.Conditions || delta.Action)
        {
            await elb.ModifyRuleAsync(new Elb.ModifyRuleRequest
            {
                RuleArn = rule.RuleArn,
                Conditions = LoadBalancerBindingRequest.Conditions(listener),
                Actions = LoadBalancerBindingRequest.Forward(targetGroupArn),
            }, cancellationToken);
            await status.MutatedAsync(obj, "ListenerRuleUpdated", "ModifyRule", $"Updated {(delta.Conditions ? "the conditions" : "the target")} of rule {rule.RuleArn}", cancellationToken);
        }

        if (delta.Priority is { } priority)
        {
            await elb.SetRulePrioritiesAsync(new Elb.SetRulePrioritiesRequest { RulePriorities = [new Elb.RulePriorityPair { RuleArn = rule.RuleArn, Priority = priority }] }, cancellationToken);
            await status.MutatedAsync(obj, "ListenerRulePriorityChanged", "SetRulePriorities", $"Set the priority of rule {rule.RuleArn} to {priority}", cancellationToken);
        }
    }

    /// <summary>The rule that holds <paramref name="priority"/> on the listener: PriorityInUse does not say.</summary>
    public async Task<string?> PriorityHolderAsync(string listenerArn, int priority, CancellationToken cancellationToken)
    {
        var wanted = priority.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await foreach (var rule in elb.DescribeAllRulesAsync(new Elb.DescribeRulesRequest { ListenerArn = listenerArn }, cancellationToken))
        {
            if (rule.Priority == wanted)
            {
                return rule.RuleArn;
            }
        }

        return null;
    }

    /// <summary>Deletes the rule; RuleNotFound counts as success (moto answers OK to a second delete, AWS does not).</summary>
    public async Task DeleteRuleAsync(V1alpha1LoadBalancerBinding obj, string ruleArn, CancellationToken cancellationToken)
    {
        try
        {
            await elb.DeleteRuleAsync(new Elb.DeleteRuleRequest { RuleArn = ruleArn }, cancellationToken);
            await status.MutatedAsync(obj, "ListenerRuleDeleted", "DeleteRule", $"Deleted rule {ruleArn}", cancellationToken);
        }
        catch (Elb.RuleNotFoundException)
        {
        }
    }

    /// <summary>A rule ARN (…:listener-rule/app/lb/id/listener-id/rule-id) extends its listener's ARN (…:listener/app/lb/id/listener-id).</summary>
    public static bool IsOnListener(string ruleArn, string listenerArn)
    {
        ArgumentNullException.ThrowIfNull(ruleArn);
        ArgumentNullException.ThrowIfNull(listenerArn);
        return ruleArn.Replace(":listener-rule/", ":listener/", StringComparison.Ordinal).StartsWith(listenerArn + "/", StringComparison.Ordinal);
    }
}

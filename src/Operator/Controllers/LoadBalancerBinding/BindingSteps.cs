using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Status;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.Controllers.LoadBalancerBinding;

/// <summary>
/// The steps of a binding that span its two resources: keeping the listener rule in line with the spec, deleting
/// target groups it replaced once the Service has rolled off them, and the ordered teardown (wait for the Service to
/// roll without the binding, then the rule, then the owned target groups).
/// </summary>
public sealed class BindingSteps(LoadBalancerBindingManager manager, StatusReporter<V1alpha1LoadBalancerBinding> status, DriftReporter drift)
{
    /// <summary>Another rule may hold the priority for long: the object is looked at again after this, or on an edit.</summary>
    public static readonly TimeSpan PriorityRecheck = TimeSpan.FromMinutes(5);

    /// <summary>Finds or creates the rule and brings it to the spec; removes it when spec.listener is gone.</summary>
    public async Task<BindingState> EnsureAsync(SyncContext<V1alpha1LoadBalancerBinding, DesiredBinding> sync, BindingState observed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(observed);
        var obj = sync.Object;
        var known = obj.Status.ListenerRuleArn;
        if (sync.Desired.Spec.Listener is not { } listener || observed.TargetGroup?.TargetGroupArn is not { } targetGroupArn)
        {
            if (sync.Desired.Spec.Listener is null && known is not null)
            {
                await manager.DeleteRuleAsync(obj, known, cancellationToken);
                obj.Status.ListenerRuleArn = null;
            }

            return observed;
        }

        if (known is not null && !LoadBalancerBindingManager.IsOnListener(known, listener.Arn))
        {
            // spec.listener.arn changed: the rule on the old listener goes, a new one is made on the new listener.
            await manager.DeleteRuleAsync(obj, known, cancellationToken);
            obj.Status.ListenerRuleArn = known = null;
        }

        try
        {
            return await SyncRuleAsync(sync, observed, listener, targetGroupArn, known, cancellationToken);
        }
        catch (Elb.PriorityInUseException)
        {
            var holder = await manager.PriorityHolderAsync(listener.Arn, listener.Priority, cancellationToken);
            return observed with
            {
                Blocked = SyncOutcome.Stalled(ConditionReasons.PriorityInUse,
                    $"spec.listener.priority: priority {listener.Priority} on listener {listener.Arn} is held by rule {holder ?? "(unknown)"}; choose another priority", PriorityRecheck),
            };
        }
        catch (Elb.ListenerNotFoundException e)
        {
            return observed with
            {
                Blocked = SyncOutcome.Reconciling(ConditionReasons.DependencyNotReady, $"spec.listener.arn: listener {listener.Arn} does not exist ({e.Message})", status.WaitBackoff(obj)),
            };
        }
    }

    /// <summary>
    /// A target group the binding used before (a replacement, or a switch to another target) is remembered in status
    /// before anything else can fail, so that it is cleaned up later; only one carrying this object's tags is deleted.
    /// </summary>
    public static void Remember(LoadBalancerBindingStatus status, string? previousArn)
    {
        ArgumentNullException.ThrowIfNull(status);
        var retired = status.RetiredTargetGroupArns ?? [];
        if (previousArn is not null && previousArn != status.TargetGroupArn && !retired.Contains(previousArn))
        {
            status.RetiredTargetGroupArns = [.. retired, previousArn];
        }
    }

    /// <summary>
    /// Retired target groups are deleted once the Service no longer lists them and has finished rolling; until then
    /// they stay, so no traffic is cut by surprise.
    /// </summary>
    public async Task RetireAsync(SyncContext<V1alpha1LoadBalancerBinding, DesiredBinding> sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sync);
        var obj = sync.Object;
        var retired = new List<string>(obj.Status.RetiredTargetGroupArns ?? []);
        foreach (var arn in retired.ToList())
        {
            if (BindingReadiness.StillInUse(sync.Desired.Service, arn, null))
            {
                continue;
            }

            if (await DeleteOwnedAsync(obj, arn, sync.Ownership, cancellationToken) is null)
            {
                retired.Remove(arn);
            }
        }

        obj.Status.RetiredTargetGroupArns = retired.Count > 0 ? retired : null;
    }

    /// <summary>What the binding has in AWS, from its status (and, after a crash before the status write, its tags).</summary>
    public async Task<BindingState?> LocateAsync(V1alpha1LoadBalancerBinding obj, OwnershipTags ownership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(ownership);
        BindingState? group = null;
        if (obj.Spec.TargetGroup is { } spec)
        {
            var name = TargetGroupNames.For(obj.Metadata.NamespaceProperty, obj.Metadata.Name, ownership.ClusterId, spec);
            group = obj.Status.TargetGroupArn is { } arn && obj.Spec.TargetGroupArn is null
                ? await manager.DescribeTargetGroupAsync(arn, cancellationToken)
                : null;
            group ??= await manager.FindTargetGroupAsync(name, cancellationToken);
        }

        Elb.Rule? rule = null;
        if (obj.Spec.Listener is { } listener)
        {
            try
            {
                rule = await manager.FindRuleAsync(listener.Arn, obj.Status.ListenerRuleArn, ownership, cancellationToken);
            }
            catch (Elb.ListenerNotFoundException)
            {
                // A listener that is gone took its rules with it.
            }
        }
        else if (obj.Status.ListenerRuleArn is { } ruleArn)
        {
            rule = await manager.DescribeRuleAsync(ruleArn, cancellationToken);
        }

        if (group is null && rule is null && obj.Status.RetiredTargetGroupArns is not { Count: > 0 })
        {
            return null;
        }

        return (group ?? BindingState.Of(null)) with { Rule = rule, Owned = group is not null };
    }

    /// <summary>
    /// The Service drops the binding as soon as it is being deleted; the binding waits until the Service has rolled
    /// out without it (or is gone), then deletes its rule, then its owned target groups.
    /// </summary>
    public async Task<DeleteOutcome> DeleteAsync(V1alpha1LoadBalancerBinding obj, BindingState observed, V1alpha1Service? service, OwnershipTags ownership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(observed);
        var targetGroupArn = observed.TargetGroup?.TargetGroupArn ?? obj.Status.TargetGroupArn;
        if (service is not null && BindingReadiness.StillInUse(service, targetGroupArn, obj.Spec.LoadBalancerName))
        {
            return DeleteOutcome.Waiting(ConditionReasons.WaitingForService,
                $"waiting for Service {service.Metadata.Name} to roll out without target group {targetGroupArn} before deleting the rule and target group", status.WaitBackoff(obj));
        }

        if (observed.Rule?.RuleArn is { } ruleArn)
        {
            await manager.DeleteRuleAsync(obj, ruleArn, cancellationToken);
        }

        var owned = (observed.Owned && observed.TargetGroup?.TargetGroupArn is { } current ? [current] : Array.Empty<string>()).Concat(obj.Status.RetiredTargetGroupArns ?? []);
        var problems = new List<string>();
        foreach (var arn in owned.Distinct(StringComparer.Ordinal))
        {
            if (await DeleteOwnedAsync(obj, arn, ownership, cancellationToken) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems.Count == 0
            ? DeleteOutcome.Deleted
            : DeleteOutcome.Waiting(ConditionReasons.DependentsExist, string.Join("; ", problems), status.WaitBackoff(obj));
    }

    /// <summary>
    /// A difference found while the spec is already applied (status has seen this generation) was made outside the
    /// operator: it is reverted, and said so with a DriftCorrected Event and the drift metric.
    /// </summary>
    public async Task RecordDriftAsync(V1alpha1LoadBalancerBinding obj, string what, IReadOnlyCollection<string> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.Status.ObservedGeneration is { } seen && seen == obj.Metadata.Generation)
        {
            await drift.ReportAsync(status, obj, fields, what, cancellationToken);
        }
    }

    /// <summary>Deletes a target group when its tags say it is this object's; null once it is gone (or was never ours).</summary>
    private async Task<string?> DeleteOwnedAsync(V1alpha1LoadBalancerBinding obj, string arn, OwnershipTags ownership, CancellationToken cancellationToken)
    {
        if (await manager.DescribeTargetGroupAsync(arn, cancellationToken) is not { TargetGroup: { } group } found)
        {
            return null;
        }

        if (ownership.Classify(found.TargetGroupTags) != Ownership.Ours)
        {
            return null;
        }

        return await manager.DeleteTargetGroupAsync(obj, group, cancellationToken);
    }

    /// <summary>Finds this object's rule (by status, then by tags) and creates or updates it; ELB's errors propagate.</summary>
    private async Task<BindingState> SyncRuleAsync(
        SyncContext<V1alpha1LoadBalancerBinding, DesiredBinding> sync, BindingState observed, ListenerRuleSpec listener, string targetGroupArn, string? known, CancellationToken cancellationToken)
    {
        var obj = sync.Object;
        var rule = await manager.FindRuleAsync(listener.Arn, known, sync.Ownership, cancellationToken);
        if (rule is null)
        {
            rule = await manager.CreateRuleAsync(obj, listener, targetGroupArn, AwsTags.Merge(sync.Desired.Spec.Tags, sync.Ownership.ToTags()), cancellationToken);
            return await RefreshedAsync(observed with { Rule = rule }, cancellationToken);
        }

        var delta = ListenerRuleDelta.Compute(listener, targetGroupArn, rule);
        if (!delta.IsEmpty)
        {
            await RecordDriftAsync(obj, $"listener rule {rule.RuleArn}", ["listenerRule"], cancellationToken);
            await manager.UpdateRuleAsync(obj, rule, listener, targetGroupArn, delta, cancellationToken);
            rule = await manager.DescribeRuleAsync(rule.RuleArn!, cancellationToken) ?? rule;
        }

        return observed with { Rule = rule };
    }

    /// <summary>Reads the target group again: a new rule attaches it to the listener's load balancer.</summary>
    private async Task<BindingState> RefreshedAsync(BindingState observed, CancellationToken cancellationToken) =>
        observed.TargetGroup?.TargetGroupArn is { } arn && await manager.DescribeTargetGroupAsync(arn, cancellationToken) is { } fresh
            ? observed with { TargetGroup = fresh.TargetGroup }
            : observed;
}

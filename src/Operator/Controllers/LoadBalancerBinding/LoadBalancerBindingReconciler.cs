using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;

namespace EcsOperator.Controllers.LoadBalancerBinding;

/// <summary>What a binding asks for: its spec, the Service it names, and the name of the target group it owns (if any).</summary>
public sealed record DesiredBinding(LoadBalancerBindingSpec Spec, V1alpha1Service Service, string? TargetGroupName);

/// <summary>
/// A LoadBalancerBinding on the reconcile template. The AWS side is a composite (<see cref="BindingState"/>): the
/// target group (owned, existing, or none for a Classic Load Balancer) and the listener rule. The Service controller
/// attaches what the binding publishes in status; the binding is Ready once the Service has rolled out with it.
/// </summary>
public sealed class LoadBalancerBindingReconciler(
    ReconcileServices<V1alpha1LoadBalancerBinding> services,
    LoadBalancerBindingManager manager,
    BoundServices boundServices,
    BindingSteps steps)
    : ResourceReconciler<V1alpha1LoadBalancerBinding, DesiredBinding, BindingState>(services)
{
    protected override IEnumerable<ImmutableField> ImmutableFields(V1alpha1LoadBalancerBinding obj) => [];

    protected override IReadOnlyList<FieldError> Validate(V1alpha1LoadBalancerBinding obj) => LoadBalancerBindingValidation.Check(obj);

    protected override async Task<Resolution<DesiredBinding>> ResolveAsync(V1alpha1LoadBalancerBinding obj, CancellationToken cancellationToken)
    {
        if (boundServices.ServiceOf(obj) is not { } service)
        {
            return Resolution.NotReady<DesiredBinding>($"Service {obj.Spec.ServiceRef.Name} does not exist in namespace {obj.Metadata.NamespaceProperty}", Services.Status.WaitBackoff(obj));
        }

        var (bound, missing) = await boundServices.ResolveAsync(obj, service, cancellationToken);
        if (bound is null)
        {
            return Resolution.NotReady<DesiredBinding>(missing!, Services.Status.WaitBackoff(obj));
        }

        if (LoadBalancerBindingValidation.CheckAgainst(obj.Spec, bound) is { Count: > 0 } errors)
        {
            return Resolution.Stop<DesiredBinding>(SyncOutcome.Stalled(ConditionReasons.InvalidSpec, InvalidSpec.Describe(errors)));
        }

        var name = obj.Spec.TargetGroup is { } group
            ? TargetGroupNames.For(obj.Metadata.NamespaceProperty, obj.Metadata.Name, (await Services.OwnershipAsync(obj, cancellationToken)).ClusterId, group)
            : null;
        return Resolution.Resolved(new DesiredBinding(obj.Spec, service, name));
    }

    protected override async Task<BindingState?> DescribeAsync(SyncContext<V1alpha1LoadBalancerBinding, DesiredBinding> sync, CancellationToken cancellationToken)
    {
        var spec = sync.Desired.Spec;
        if (sync.Desired.TargetGroupName is { } name)
        {
            return await manager.FindTargetGroupAsync(name, cancellationToken) is { } found ? found with { Owned = true } : null;
        }

        if (spec.TargetGroupArn is { } arn)
        {
            return await manager.DescribeTargetGroupAsync(arn, cancellationToken) ?? BindingState.Of(null) with
            {
                Blocked = SyncOutcome.Reconciling(ConditionReasons.DependencyNotReady, $"spec.targetGroupArn: target group {arn} does not exist", Services.Status.WaitBackoff(sync.Object)),
            };
        }

        return BindingState.Classic;
    }

    protected override async Task<BindingState> CreateAsync(SyncContext<V1alpha1LoadBalancerBinding, DesiredBinding> sync, CancellationToken cancellationToken)
    {
        var request = LoadBalancerBindingRequest.CreateTargetGroup(sync.Desired.TargetGroupName!, sync.Desired.Spec.TargetGroup!, DesiredTags(sync));
        var created = (await manager.CreateTargetGroupAsync(sync.Object, request, cancellationToken)) with { Owned = true };
        if (sync.Ownership.Classify(created.TargetGroupTags) != Ownership.Ours)
        {
            // ELBv2 answers an identical create with the existing group (moto: DuplicateTargetGroupName), even one that is
            // not ours: refused before anything touches it, and kept out of status so that no Service attaches it.
            throw new SyncOutcomeException(SyncOutcome.Stalled(ConditionReasons.AlreadyExists, $"target group {request.Name} already exists and is not this binding's (see its {WellKnown.OwnerTag} tag)"));
        }

        // The attributes go through the same delta as an update: only once the group is known to be ours.
        return await UpdateAsync(sync, created, cancellationToken);
    }

    protected override Ownership OwnerOf(BindingState observed, OwnershipTags ownership) =>
        observed.TargetGroup is not null && observed.Owned ? ownership.Classify(observed.TargetGroupTags) : Ownership.Ours;

    protected override Task AdoptAsync(SyncContext<V1alpha1LoadBalancerBinding, DesiredBinding> sync, BindingState observed, CancellationToken cancellationToken) =>
        manager.AdoptAsync(sync.Object, observed.TargetGroup!, sync.Ownership, cancellationToken);

    protected override async Task<BindingState> UpdateAsync(SyncContext<V1alpha1LoadBalancerBinding, DesiredBinding> sync, BindingState observed, CancellationToken cancellationToken)
    {
        if (observed.Blocked is not null)
        {
            return observed;
        }

        if (sync.Desired.Spec.TargetGroup is { } spec && observed.TargetGroup is { } group)
        {
            var delta = TargetGroupDelta.Compute(spec, group, observed.Attributes, DesiredTags(sync), observed.TargetGroupTags, sync.Object.Status.AppliedTagKeys);
            if (delta.ImmutableChanges.Count > 0)
            {
                return observed with
                {
                    Blocked = SyncOutcome.Stalled(ConditionReasons.ImmutableFieldChanged,
                        $"{string.Join("; ", delta.ImmutableChanges)}; ELBv2 cannot change these: remove spec.targetGroup.name to let the binding replace the group under a derived name, or rename it"),
                };
            }

            if (!delta.IsEmpty)
            {
                Log.Updating(Services.Logger, string.Join(",", delta.Fields()));
                await steps.RecordDriftAsync(sync.Object, $"target group {group.TargetGroupName}", [.. delta.Fields()], cancellationToken);
                await manager.UpdateTargetGroupAsync(sync.Object, group, delta, cancellationToken);
                observed = (await manager.FindTargetGroupAsync(group.TargetGroupName!, cancellationToken) ?? observed) with { Owned = true };
            }
        }

        return await steps.EnsureAsync(sync, observed, cancellationToken);
    }

    protected override async Task<SyncOutcome> ReportAsync(SyncContext<V1alpha1LoadBalancerBinding, DesiredBinding> sync, BindingState observed, CancellationToken cancellationToken)
    {
        var status = sync.Object.Status;
        var previous = status.TargetGroupArn;
        status.TargetGroupArn = observed.TargetGroup?.TargetGroupArn;
        status.TargetGroupName = observed.TargetGroup?.TargetGroupName;
        status.LoadBalancerArns = LoadBalancersOf(observed, sync.Desired.Spec.Listener) is { Count: > 0 } arns ? arns : null;
        status.ListenerRuleArn = sync.Desired.Spec.Listener is null ? null : observed.Rule?.RuleArn ?? status.ListenerRuleArn;
        status.ServiceArn = sync.Desired.Service.Status.Arn;
        status.AppliedTagKeys = sync.Desired.Spec.Tags is { Count: > 0 } tags ? [.. tags.Keys.Order(StringComparer.Ordinal)] : null;
        BindingSteps.Remember(status, previous);
        if (observed.Blocked is { } blocked)
        {
            return blocked;
        }

        await steps.RetireAsync(sync, cancellationToken);
        return BindingReadiness.Evaluate(sync.Desired.Spec, status, sync.Desired.Service, Services.Status.WaitBackoff(sync.Object));
    }

    protected override Task<BindingState?> LocateAsync(V1alpha1LoadBalancerBinding obj, OwnershipTags ownership, CancellationToken cancellationToken) =>
        steps.LocateAsync(obj, ownership, cancellationToken);

    protected override async Task<DeleteOutcome> DeleteAsync(V1alpha1LoadBalancerBinding obj, BindingState observed, CancellationToken cancellationToken) =>
        await steps.DeleteAsync(obj, observed, boundServices.ServiceOf(obj), await Services.OwnershipAsync(obj, cancellationToken), cancellationToken);

    protected override string Describe(BindingState observed) =>
        observed.TargetGroup is { } group ? $"target group {group.TargetGroupName}" : observed.Rule is { } rule ? $"listener rule {rule.RuleArn}" : "load balancer binding";

    /// <summary>
    /// The load balancers that send traffic to the target group: what ELB lists, plus the listener's load balancer when
    /// the binding's rule forwards to the group (that forward is the attachment; moto's ModifyRule does not update the
    /// group's LoadBalancerArns, so a re-pointed rule would otherwise look unattached there).
    /// </summary>
    private static List<string> LoadBalancersOf(BindingState observed, ListenerRuleSpec? listener)
    {
        var arns = new SortedSet<string>(observed.TargetGroup?.LoadBalancerArns ?? [], StringComparer.Ordinal);
        if (listener is not null && observed.TargetGroup?.TargetGroupArn is { } group && observed.Rule is { } rule
            && ListenerRuleDelta.ForwardTargets(rule.Actions).Contains(group) && LoadBalancerOfListener(listener.Arn) is { } loadBalancer)
        {
            arns.Add(loadBalancer);
        }

        return [.. arns];
    }

    /// <summary>…:listener/app/name/lb-id/listener-id belongs to …:loadbalancer/app/name/lb-id.</summary>
    private static string? LoadBalancerOfListener(string listenerArn)
    {
        var cut = listenerArn.LastIndexOf('/');
        return listenerArn.Contains(":listener/", StringComparison.Ordinal) && cut > 0
            ? listenerArn[..cut].Replace(":listener/", ":loadbalancer/", StringComparison.Ordinal)
            : null;
    }

    private static Dictionary<string, string> DesiredTags(SyncContext<V1alpha1LoadBalancerBinding, DesiredBinding> sync) =>
        AwsTags.Merge(sync.Desired.Spec.Tags, sync.Ownership.ToTags());
}

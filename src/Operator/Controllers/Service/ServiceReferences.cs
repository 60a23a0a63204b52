using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Service;

/// <summary>
/// Resolves a Service's references (same namespace only): clusterRef to the Cluster's ARN, taskDefinitionRef to the
/// TaskDefinition's current revision, and the LoadBalancerBindings that name it to ECS loadBalancers entries. A
/// referenced object that is not Ready makes the Service wait; its own change requeues the Service through an index.
/// </summary>
public sealed class ServiceReferences(
    IResourceCache<V1alpha1Cluster> clusters,
    IResourceCache<V1alpha1TaskDefinition> taskDefinitions,
    IResourceCache<V1alpha1LoadBalancerBinding> bindings,
    ReferenceResolver resolver,
    ControllerOptions options)
{
    public async Task<Resolution<DesiredService>> ResolveAsync(V1alpha1Service obj, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var ns = obj.Metadata.NamespaceProperty;
        var cluster = obj.Spec.Cluster;
        if (obj.Spec.ClusterRef is { } clusterRef)
        {
            var (state, found) = await resolver.ResolveAsync(clusters, ns, clusterRef.Name, cancellationToken);
            if (Waiting<V1alpha1Cluster>(state, found, found?.Status.Arn, "Cluster", ns, clusterRef.Name) is { } wait)
            {
                return wait;
            }

            cluster = found!.Status.Arn;
        }

        if (obj.Status.ClusterArn is { } applied && ClusterName(applied) != ClusterName(cluster!))
        {
            return Resolution.Stop<DesiredService>(SyncOutcome.Stalled(ConditionReasons.ImmutableFieldChanged,
                $"{(obj.Spec.ClusterRef is null ? "spec.cluster" : "spec.clusterRef")}: the service runs in cluster {ClusterName(applied)}, not {ClusterName(cluster!)}; an ECS service cannot move: create a new Service instead"));
        }

        var taskDefinition = obj.Spec.TaskDefinition;
        if (obj.Spec.TaskDefinitionRef is { } taskDefinitionRef)
        {
            var (state, found) = await resolver.ResolveAsync(taskDefinitions, ns, taskDefinitionRef.Name, cancellationToken);
            if (Waiting<V1alpha1TaskDefinition>(state, found, found?.Status.Arn, "TaskDefinition", ns, taskDefinitionRef.Name) is { } wait)
            {
                return wait;
            }

            taskDefinition = found!.Status.Arn;
        }

        return Resolution.Resolved(new DesiredService(name, cluster!, taskDefinition!, LoadBalancers(obj), obj.Spec));
    }

    /// <summary>Where a Service that never wrote its cluster ARN (a crash right after CreateService) would be: its reference, as far as it still resolves.</summary>
    public async Task<string?> ClusterForDeletionAsync(V1alpha1Service obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.Spec.ClusterRef is not { } clusterRef)
        {
            return obj.Spec.Cluster;
        }

        var (_, found) = await resolver.ResolveAsync(clusters, obj.Metadata.NamespaceProperty, clusterRef.Name, cancellationToken);
        return found?.Status.Arn;
    }

    /// <summary>
    /// The ECS loadBalancers entries of the bindings that name this Service and are not being deleted, once each can be
    /// attached: a Classic Load Balancer, or a target group that a load balancer forwards to (ECS refuses one that none does).
    /// </summary>
    public IReadOnlyList<Ecs.LoadBalancer> LoadBalancers(V1alpha1Service obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return bindings.ByIndex(Indexes.ServiceRef, Indexes.KeyOf(obj.Metadata.NamespaceProperty, obj.Metadata.Name))
            .Where(b => b.Metadata.DeletionTimestamp is null)
            .Select(b => (Binding: b, TargetGroupArn: b.Spec.LoadBalancerName is null ? AttachableTargetGroup(b) : null))
            .Where(entry => entry.Binding.Spec.LoadBalancerName is not null || entry.TargetGroupArn is not null)
            .Select(entry => new Ecs.LoadBalancer
            {
                TargetGroupArn = entry.TargetGroupArn,
                LoadBalancerName = entry.Binding.Spec.LoadBalancerName,
                ContainerName = entry.Binding.Spec.ContainerName,
                ContainerPort = entry.Binding.Spec.ContainerPort,
            })
            .OrderBy(lb => lb.TargetGroupArn ?? lb.LoadBalancerName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The binding's target group once a load balancer forwards to it. Until then, the group it replaced (the last one
    /// it retired) keeps serving: an owned group without a listener rule waits for the user to point a listener at the
    /// new group, and dropping the old one meanwhile would cut the traffic it still carries.
    /// </summary>
    private static string? AttachableTargetGroup(V1alpha1LoadBalancerBinding binding) =>
        binding.Status.TargetGroupArn is { } current && binding.Status.LoadBalancerArns is { Count: > 0 }
            ? current
            : binding.Status.RetiredTargetGroupArns is { Count: > 0 } retired ? retired[^1] : null;

    /// <summary>"arn:aws:ecs:region:account:cluster/demo" or "demo" → "demo".</summary>
    public static string ClusterName(string cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster[(cluster.LastIndexOf('/') + 1)..];
    }

    /// <summary>
    /// What a Service reads of a referenced Cluster or TaskDefinition (its ARN, its Ready condition, whether it is being
    /// deleted): a change to anything else (a Cluster's task counts at every resync) does not requeue its Services.
    /// </summary>
    public static string WhatAServiceReads(IEcsResource obj, string? arn)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var ready = Conditions.Find(obj.ResourceStatus, ConditionTypes.Ready);
        return string.Join('|', arn, ready?.Status, ready?.Reason, ready?.Message, obj.Metadata.DeletionTimestamp?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    private Resolution<DesiredService>? Waiting<TEntity>(ReferenceState state, TEntity? found, string? arn, string kind, string? ns, string name)
        where TEntity : class, IEcsResource
    {
        // The referenced object's changes requeue this Service through an index; the resync is only a fallback.
        var message = state switch
        {
            ReferenceState.OutsideShard => resolver.DescribeOutside(kind, ns ?? string.Empty, name),
            ReferenceState.Missing => $"{kind} {name} does not exist in namespace {ns}",
            _ when found is not null && (!Conditions.IsTrue(found.ResourceStatus, ConditionTypes.Ready) || arn is null) =>
                $"{kind} {name} is not Ready{(Conditions.Find(found.ResourceStatus, ConditionTypes.Ready) is { Reason: { } reason } ready ? $" ({reason}: {ready.Message})" : string.Empty)}",
            _ => null,
        };
        return message is null ? null : Resolution.NotReady<DesiredService>(message, options.ResyncPeriod);
    }
}

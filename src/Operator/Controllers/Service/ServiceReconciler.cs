using EcsOperator.Aws;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Service;

/// <summary>
/// A Service on the reconcile template: references resolved to the Cluster's ARN and the TaskDefinition's current
/// revision, created with a deterministic clientToken, updated with exactly the fields that differ, rolled out with
/// an adaptive requeue, and torn down by scaling to 0 and deleting with force.
/// </summary>
public sealed class ServiceReconciler(
    ReconcileServices<V1alpha1Service> services,
    ServiceManager manager,
    ServiceReferences references,
    DriftReporter drift,
    TimeProvider clock)
    : ResourceReconciler<V1alpha1Service, DesiredService, Ecs.Service>(services)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);
    private bool _sawInactive;

    protected override IEnumerable<ImmutableField> ImmutableFields(V1alpha1Service obj) =>
        [new("spec.serviceName", obj.Status.ServiceName, NameOf(obj), "create a new Service instead")];

    protected override IEnumerable<ImmutableField> ImmutableFields(SyncContext<V1alpha1Service, DesiredService> sync, Ecs.Service observed) =>
        ServiceValidation.ImmutableAgainst(sync.Desired.Spec, observed);

    protected override IReadOnlyList<FieldError> Validate(V1alpha1Service obj) => ServiceValidation.Check(obj);

    protected override Task<Resolution<DesiredService>> ResolveAsync(V1alpha1Service obj, CancellationToken cancellationToken) =>
        references.ResolveAsync(obj, NameOf(obj), cancellationToken);

    protected override async Task<Ecs.Service?> DescribeAsync(SyncContext<V1alpha1Service, DesiredService> sync, CancellationToken cancellationToken)
    {
        var service = await manager.DescribeAsync(sync.Desired.Cluster, sync.Desired.Name, cancellationToken);
        _sawInactive = service?.Status == "INACTIVE";
        if (service is null && EventualConsistency.IsMissingAfterCreate(sync.Object.Status, clock.GetUtcNow()))
        {
            throw NotYet(sync.Object, $"ECS reports service {sync.Desired.Name} MISSING right after its creation");
        }

        return _sawInactive ? null : service;
    }

    /// <summary>The resync sweep's batch read stands in for the Describe when it read this name in this cluster.</summary>
    protected override bool Describes(SyncContext<V1alpha1Service, DesiredService> sync, Ecs.Service prefetched) =>
        prefetched.ServiceName == sync.Desired.Name
        && prefetched.ClusterArn is { } cluster
        && ServiceReferences.ClusterName(cluster) == ServiceReferences.ClusterName(sync.Desired.Cluster);

    protected override async Task<Ecs.Service> CreateAsync(SyncContext<V1alpha1Service, DesiredService> sync, CancellationToken cancellationToken)
    {
        var status = sync.Object.Status;

        // Ours, now INACTIVE: deleted outside the operator. A new token, or ECS would hand back the deleted service.
        var attempt = (status.CreateAttempt ?? 0) + (_sawInactive && status.Arn is not null ? 1 : 0);
        status.CreateAttempt = attempt;
        var token = ServiceRequest.ClientToken(sync.Object.Metadata.Uid ?? sync.Object.Metadata.Name, attempt);
        var request = ServiceRequest.Create(sync.Desired, DesiredTags(sync), token);
        var created = await WhileSettlingAsync(sync.Object, () => manager.CreateAsync(sync.Object, request, cancellationToken));

        // The annotation present at creation is satisfied by the creation itself: no extra deployment.
        status.RestartedAt = RestartValue(sync.Object) is { } value ? new ServiceRestartStatus { Value = value } : null;
        return created;
    }

    protected override Ownership OwnerOf(Ecs.Service observed, OwnershipTags ownership) => ownership.Classify(AwsTags.ToDictionary(observed.Tags));

    protected override Task AdoptAsync(SyncContext<V1alpha1Service, DesiredService> sync, Ecs.Service observed, CancellationToken cancellationToken) =>
        manager.AdoptAsync(sync.Object, observed, sync.Ownership, cancellationToken);

    protected override async Task<Ecs.Service> UpdateAsync(SyncContext<V1alpha1Service, DesiredService> sync, Ecs.Service observed, CancellationToken cancellationToken)
    {
        if (observed.Status != "ACTIVE")
        {
            return observed;
        }

        var obj = sync.Object;
        var converged = DriftReporter.WasConverged(obj);
        var hold = ServiceRollout.IsFailed(obj.Status, obj.Metadata.Generation, sync.Desired.TaskDefinition);
        var delta = ServiceDelta.Compute(sync.Desired, observed, DesiredTags(sync), obj.Status, hold);
        var restart = await RestartIfAskedAsync(obj, observed, cancellationToken);
        if (delta.IsEmpty)
        {
            return restart ? await DescribeAgainAsync(sync, observed, cancellationToken) : observed;
        }

        Log.Updating(Services.Logger, string.Join(",", delta.Fields.Append(delta.Tags.IsEmpty ? null : "tags").OfType<string>()));
        await WhileSettlingAsync(obj, async () =>
        {
            await manager.ApplyAsync(obj, observed, delta, cancellationToken);
            return true;
        });
        if (converged)
        {
            await drift.ReportAsync(Services.Status, obj, DriftFields(obj, sync.Desired, delta), $"ECS service {observed.ServiceName}", cancellationToken);
        }

        return await DescribeAgainAsync(sync, observed, cancellationToken);
    }

    protected override async Task<SyncOutcome> ReportAsync(SyncContext<V1alpha1Service, DesiredService> sync, Ecs.Service observed, CancellationToken cancellationToken)
    {
        var status = sync.Object.Status;
        status.TransientErrorSince = null;
        ServiceRollout.MapStatus(status, observed);
        status.ManagedLists = ServiceDelta.ManagedListsAfter(sync.Desired, status.ManagedLists, observed) is { Count: > 0 } lists ? lists : null;
        status.AppliedTagKeys = sync.Desired.Spec.Tags is { Count: > 0 } tags ? [.. tags.Keys.Order(StringComparer.Ordinal)] : null;
        if (!ServiceRollout.IsFailed(status, sync.Object.Metadata.Generation, sync.Desired.TaskDefinition))
        {
            status.FailedTaskDefinition = null;
            status.FailedAtGeneration = null;
        }

        await ServiceEvents.PostAsync(Services.Status, sync.Object, observed, cancellationToken);
        if (observed.Status == "DRAINING")
        {
            return SyncOutcome.Reconciling(ConditionReasons.Creating, $"ECS service {observed.ServiceName} is DRAINING (deleted outside the operator); it is created again once INACTIVE", Soon);
        }

        return ServiceRollout.Assess(sync.Object, sync.Desired.TaskDefinition, observed, clock.GetUtcNow(), Services.Options.ResyncPeriod);
    }

    protected override async Task<Ecs.Service?> LocateAsync(V1alpha1Service obj, OwnershipTags ownership, CancellationToken cancellationToken)
    {
        var cluster = obj.Status.ClusterArn ?? await references.ClusterForDeletionAsync(obj, cancellationToken);
        if (cluster is null)
        {
            return null;
        }

        var service = await manager.DescribeAsync(cluster, obj.Status.ServiceName ?? NameOf(obj), cancellationToken);
        return service?.Status == "INACTIVE" ? null : service;
    }

    protected override async Task<DeleteOutcome> DeleteAsync(V1alpha1Service obj, Ecs.Service observed, CancellationToken cancellationToken) =>
        await manager.DeleteAsync(obj, observed, cancellationToken)
            ? DeleteOutcome.Deleted
            : DeleteOutcome.Waiting(ConditionReasons.Updating, $"ECS service {observed.ServiceName} is draining; the finalizer stays until ECS reports it INACTIVE", Soon);

    protected override string Describe(Ecs.Service observed) => $"ECS service {observed.ServiceName}";

    /// <summary>
    /// A new value of the restartedAt annotation forces one deployment, also across a crash: the value and the
    /// PRIMARY deployment it replaces are written first; after a crash, a PRIMARY that has changed means the call was made.
    /// </summary>
    private async Task<bool> RestartIfAskedAsync(V1alpha1Service obj, Ecs.Service observed, CancellationToken cancellationToken)
    {
        var primary = ServiceDelta.Primary(observed)?.Id;
        if (RestartValue(obj) is not { } value || !RestartPending(obj.Status.RestartedAt, value, primary))
        {
            return false;
        }

        obj.Status.RestartedAt = new ServiceRestartStatus { Value = value, PrimaryDeploymentId = primary };
        await Services.Status.SaveAsync(obj, cancellationToken);
        await manager.RestartAsync(obj, observed, value, cancellationToken);
        return true;
    }

    /// <summary>Pending when the value is new, or when it was recorded before a call whose new PRIMARY has not appeared.</summary>
    public static bool RestartPending(ServiceRestartStatus? done, string value, string? primary) =>
        done?.Value != value || (done.PrimaryDeploymentId is not null && done.PrimaryDeploymentId == primary);

    /// <summary>Fields that differ although neither the spec nor a referenced object changed since the last convergence.</summary>
    private static List<string> DriftFields(V1alpha1Service obj, DesiredService desired, ServiceDelta delta)
    {
        var lastRevision = obj.Status.TaskDefinition;
        var lastBalancers = (obj.Status.LoadBalancers ?? []).Select(lb => $"{lb.TargetGroupArn}|{lb.LoadBalancerName}|{lb.ContainerName}|{lb.ContainerPort}").Order(StringComparer.Ordinal);
        var wantedBalancers = desired.LoadBalancers.Select(lb => $"{lb.TargetGroupArn}|{lb.LoadBalancerName}|{lb.ContainerName}|{lb.ContainerPort}").Order(StringComparer.Ordinal);
        return delta.Fields.Where(field => field switch
        {
            "taskDefinition" => lastRevision is not null && ServiceDelta.SameTaskDefinition(lastRevision, desired.TaskDefinition),
            "loadBalancers" => lastBalancers.SequenceEqual(wantedBalancers),
            _ => true,
        }).Concat(delta.Tags.IsEmpty ? [] : ["tags"]).ToList();
    }

    /// <summary>An ECS answer that means "not yet" (<see cref="EventualConsistency"/>) ends the sync with a bounded retry.</summary>
    private async Task<T> WhileSettlingAsync<T>(V1alpha1Service obj, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AwsServiceException e) when (EventualConsistency.IsTransient(e.Message))
        {
            throw NotYet(obj, $"{e.ErrorCode}: {e.Message}");
        }
    }

    private SyncOutcomeException NotYet(V1alpha1Service obj, string ecsMessage) =>
        new(EventualConsistency.Settle(obj.Status, ecsMessage, clock.GetUtcNow(), Services.Options.ResyncPeriod));

    private async Task<Ecs.Service> DescribeAgainAsync(SyncContext<V1alpha1Service, DesiredService> sync, Ecs.Service observed, CancellationToken cancellationToken) =>
        await manager.DescribeAsync(sync.Desired.Cluster, sync.Desired.Name, cancellationToken) ?? observed;

    private static Dictionary<string, string> DesiredTags(SyncContext<V1alpha1Service, DesiredService> sync) =>
        AwsTags.Merge(sync.Desired.Spec.Tags, sync.Ownership.ToTags());

    private static string? RestartValue(V1alpha1Service obj) =>
        obj.Metadata.Annotations?.TryGetValue(WellKnown.RestartedAtAnnotation, out var value) == true && !string.IsNullOrEmpty(value) ? value : null;

    internal static string NameOf(V1alpha1Service obj) => string.IsNullOrEmpty(obj.Spec.ServiceName) ? obj.Metadata.Name : obj.Spec.ServiceName;
}

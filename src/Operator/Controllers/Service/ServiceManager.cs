using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Service;

/// <summary>Reads, creates, updates and deletes one ECS service. Every mutation is also an Event on the object.</summary>
public sealed class ServiceManager(IEcsApi ecs, StatusReporter<V1alpha1Service> status)
{
    private static readonly List<string> IncludeTags = ["TAGS"];

    /// <summary>
    /// The service by name, INACTIVE included (the caller decides what an INACTIVE one means); null when ECS reports
    /// it MISSING or the cluster does not exist.
    /// </summary>
    public async Task<Ecs.Service?> DescribeAsync(string cluster, string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await ecs.DescribeServicesAsync(new Ecs.DescribeServicesRequest { Cluster = cluster, Services = [name], Include = IncludeTags }, cancellationToken);
            return response.Services?.FirstOrDefault(s => s.ServiceName == name || s.ServiceArn == name);
        }
        catch (AwsServiceException e) when (e.Classification == AwsErrorClass.NotFound)
        {
            return null;
        }
    }

    public async Task<Ecs.Service> CreateAsync(V1alpha1Service obj, Ecs.CreateServiceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await ecs.CreateServiceAsync(request, cancellationToken);
        await status.MutatedAsync(obj, "ServiceCreated", "CreateService", $"Created ECS service {request.ServiceName} running {request.TaskDefinition}", cancellationToken);
        return response.Service ?? throw new InvalidOperationException($"CreateService returned no service for {request.ServiceName}");
    }

    /// <summary>Takes over an unowned service by tagging it as this object's.</summary>
    public async Task AdoptAsync(V1alpha1Service obj, Ecs.Service service, OwnershipTags ownership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(ownership);
        await ecs.TagResourceAsync(new Ecs.TagResourceRequest { ResourceArn = service.ServiceArn, Tags = AwsTags.ToList(ownership.ToTags()) }, cancellationToken);
        await status.MutatedAsync(obj, "ServiceAdopted", "TagResource", $"Adopted existing ECS service {service.ServiceName}", cancellationToken);
    }

    /// <summary>One UpdateService with the delta's fields, then the tag calls it asks for.</summary>
    public async Task ApplyAsync(V1alpha1Service obj, Ecs.Service service, ServiceDelta delta, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.NeedsUpdateService)
        {
            await UpdateAsync(obj, delta.Update, $"Updated {string.Join(", ", delta.Fields)} of ECS service {service.ServiceName}", cancellationToken);
        }

        if (delta.Tags.ToSet.Count > 0)
        {
            await ecs.TagResourceAsync(new Ecs.TagResourceRequest { ResourceArn = service.ServiceArn, Tags = AwsTags.ToList(delta.Tags.ToSet) }, cancellationToken);
            await status.MutatedAsync(obj, "TagsUpdated", "TagResource", $"Set tags {string.Join(", ", delta.Tags.ToSet.Keys)}", cancellationToken);
        }

        if (delta.Tags.ToRemove.Count > 0)
        {
            await ecs.UntagResourceAsync(new Ecs.UntagResourceRequest { ResourceArn = service.ServiceArn, TagKeys = [.. delta.Tags.ToRemove] }, cancellationToken);
            await status.MutatedAsync(obj, "TagsRemoved", "UntagResource", $"Removed tags {string.Join(", ", delta.Tags.ToRemove)}", cancellationToken);
        }
    }

    /// <summary>One UpdateService with forceNewDeployment: the restartedAt annotation's new value.</summary>
    public Task RestartAsync(V1alpha1Service obj, Ecs.Service service, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var request = new Ecs.UpdateServiceRequest { Cluster = service.ClusterArn, Service = service.ServiceName, ForceNewDeployment = true };
        return UpdateAsync(obj, request, $"Forced a new deployment of ECS service {service.ServiceName} ({WellKnown.RestartedAtAnnotation}={value})", cancellationToken);
    }

    /// <summary>
    /// Teardown: scale to 0 (ECS refuses to delete a service scaled above 0 without force), then DeleteService with
    /// force. True once ECS reports it INACTIVE or gone.
    /// </summary>
    public async Task<bool> DeleteAsync(V1alpha1Service obj, Ecs.Service service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Status == "INACTIVE")
        {
            return true;
        }

        try
        {
            if (NeedsScaleDown(service))
            {
                await UpdateAsync(obj, new Ecs.UpdateServiceRequest { Cluster = service.ClusterArn, Service = service.ServiceName, DesiredCount = 0 }, $"Scaled ECS service {service.ServiceName} to 0 before deleting it", cancellationToken);
            }

            if (service.Status == "ACTIVE")
            {
                var response = await ecs.DeleteServiceAsync(new Ecs.DeleteServiceRequest { Cluster = service.ClusterArn, Service = service.ServiceName, Force = true }, cancellationToken);
                await status.MutatedAsync(obj, "ServiceDeleted", "DeleteService", $"Deleted ECS service {service.ServiceName}", cancellationToken);
                return response.Service?.Status is null or "INACTIVE";
            }

            return false;
        }
        catch (AwsServiceException e) when (e.Classification == AwsErrorClass.NotFound || e.ErrorCode == "ServiceNotActiveException")
        {
            return true;
        }
    }

    /// <summary>Teardown scales an ACTIVE REPLICA service above 0 down first (a DAEMON service has no desired count to set).</summary>
    public static bool NeedsScaleDown(Ecs.Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Status == "ACTIVE" && service.DesiredCount > 0 && service.SchedulingStrategy != "DAEMON";
    }

    private async Task UpdateAsync(V1alpha1Service obj, Ecs.UpdateServiceRequest request, string note, CancellationToken cancellationToken)
    {
        await ecs.UpdateServiceAsync(request, cancellationToken);
        await status.MutatedAsync(obj, "ServiceUpdated", "UpdateService", note, cancellationToken);
    }
}

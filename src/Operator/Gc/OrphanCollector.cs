using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.ElasticLoadBalancingV2;
using Ecs = EcsOperator.Aws.Ecs.Model;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.Gc;

/// <summary>The outcome of deleting one orphan: null <paramref name="Error"/> means deleted (or already gone).</summary>
public sealed record GcResult(Orphan Orphan, string? Error);

/// <summary>
/// Deletes orphans in dependency order (<see cref="GcKind"/>'s order): services scaled to 0 and force-deleted, listener
/// rules, target groups, task definition revisions deregistered then deleted, clusters. Each is the same call
/// sequence the kind's manager uses on teardown; the managers' methods also record an Event on the owning object,
/// which no longer exists here, so gc makes the calls itself and reports each result instead. A resource already gone
/// counts as deleted. One failure does not stop the others.
/// </summary>
public sealed class OrphanCollector(IEcsApi ecs, IElbv2Api elb)
{
    public async Task<IReadOnlyList<GcResult>> DeleteAsync(IEnumerable<Orphan> orphans, CancellationToken cancellationToken)
    {
        var results = new List<GcResult>();
        foreach (var orphan in orphans.OrderBy(o => o.Resource.Kind))
        {
            results.Add(new GcResult(orphan, await TryDeleteAsync(orphan.Resource, cancellationToken)));
        }

        return results;
    }

    private async Task<string?> TryDeleteAsync(GcResource resource, CancellationToken cancellationToken)
    {
        try
        {
            return await DeleteOneAsync(resource, cancellationToken);
        }
        catch (AwsServiceException e) when (e.Classification == AwsErrorClass.NotFound || e.ErrorCode == "ServiceNotActiveException")
        {
            return null;
        }
        catch (AwsServiceException e)
        {
            return $"{e.ErrorCode}: {e.Message}";
        }
    }

    /// <summary>Null when deleted; otherwise the failure ECS reported without an error response.</summary>
    private async Task<string?> DeleteOneAsync(GcResource resource, CancellationToken cancellationToken)
    {
        switch (resource.Kind)
        {
            case GcKind.EcsService:
                if (resource.NeedsScaleDown)
                {
                    await ecs.UpdateServiceAsync(new Ecs.UpdateServiceRequest { Cluster = resource.Parent, Service = resource.Arn, DesiredCount = 0 }, cancellationToken);
                }

                await ecs.DeleteServiceAsync(new Ecs.DeleteServiceRequest { Cluster = resource.Parent, Service = resource.Arn, Force = true }, cancellationToken);
                break;
            case GcKind.ListenerRule:
                await elb.DeleteRuleAsync(new Elb.DeleteRuleRequest { RuleArn = resource.Arn }, cancellationToken);
                break;
            case GcKind.TargetGroup:
                await elb.DeleteTargetGroupAsync(new Elb.DeleteTargetGroupRequest { TargetGroupArn = resource.Arn }, cancellationToken);
                break;
            case GcKind.TaskDefinitionRevision:
                return await DeleteRevisionAsync(resource, cancellationToken);
            case GcKind.EcsCluster:
                await ecs.DeleteClusterAsync(new Ecs.DeleteClusterRequest { Cluster = resource.Arn }, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(resource), resource.Kind, "not a kind gc deletes");
        }

        return null;
    }

    /// <summary>ECS deletes only INACTIVE revisions: deregister first, then DeleteTaskDefinitions, whose failures are per ARN.</summary>
    private async Task<string?> DeleteRevisionAsync(GcResource resource, CancellationToken cancellationToken)
    {
        if (resource.Status != "INACTIVE")
        {
            await ecs.DeregisterTaskDefinitionAsync(new Ecs.DeregisterTaskDefinitionRequest { TaskDefinition = resource.Arn }, cancellationToken);
        }

        var response = await ecs.DeleteTaskDefinitionsAsync(new Ecs.DeleteTaskDefinitionsRequest { TaskDefinitions = [resource.Arn] }, cancellationToken);
        return response.Failures is { Count: > 0 } failures
            ? string.Join("; ", failures.Select(f => $"{f.Reason} {f.Detail}".Trim()))
            : null;
    }
}

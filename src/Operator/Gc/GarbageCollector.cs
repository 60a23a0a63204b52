using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Runtime.Client;

namespace EcsOperator.Gc;

/// <summary>What one `ecs-operator gc` run reads from and whether it deletes.</summary>
public sealed record GcOptions(string ClusterId, bool Confirm);

/// <summary>
/// One gc pass: read AWS, then the objects, decide, report, and with --confirm delete. AWS is read before the objects
/// on purpose: a resource seen in AWS was made by an object created before the list, so an object created during the
/// run can never make its new resource look orphaned. An object deleted during the run was tearing its resources down
/// anyway; a resource it already removed is "already gone", which counts as deleted.
/// </summary>
public sealed class GarbageCollector(IKubeClient kube, IEcsApi ecs, IElbv2Api elb, TextWriter output)
{
    /// <summary>0 when done; 1 when a deletion failed (each failure is in the report).</summary>
    public async Task<int> RunAsync(GcOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resources = new List<GcResource>();
        resources.AddRange(await new EcsInventory(ecs).ReadAsync(cancellationToken));
        resources.AddRange(await new ElbInventory(elb).ReadAsync(cancellationToken));
        var owners = await LiveOwners.ReadAsync(kube, cancellationToken);

        var orphans = OrphanDecision.Find(resources, options.ClusterId, owners);
        GcReport.WriteOrphans(output, options.ClusterId, orphans);
        if (!options.Confirm)
        {
            if (orphans.Count > 0)
            {
                GcReport.WriteRetainedNote(output);
                await output.WriteLineAsync("Nothing was deleted: run again with --confirm to delete them.");
            }

            return 0;
        }

        var results = await new OrphanCollector(ecs, elb).DeleteAsync(orphans, cancellationToken);
        GcReport.WriteResults(output, results);
        return results.Any(r => r.Error is not null) ? 1 : 0;
    }
}

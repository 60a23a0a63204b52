using EcsOperator.Aws;
using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.Controllers.LoadBalancerBinding;

/// <summary>
/// The ELBv2 calls of a LoadBalancerBinding: target groups here, listener rules in the Rules part. Every mutation is
/// also an Event on the object. Works around moto where it differs from ELBv2 without relying on either behaviour.
/// </summary>
public sealed partial class LoadBalancerBindingManager(IElbv2Api elb, StatusReporter<V1alpha1LoadBalancerBinding> status, TimeProvider time)
{
    /// <summary>
    /// ELBv2 may still answer ResourceInUse for a moment after the rule that forwarded to a group is deleted: a delete
    /// is tried this many times, <see cref="DeleteRetryInterval"/> apart, before the binding reports DependentsExist.
    /// </summary>
    public const int DeleteAttempts = 3;

    public static readonly TimeSpan DeleteRetryInterval = TimeSpan.FromSeconds(2);

    /// <summary>DescribeTags takes at most 20 resource ARNs per call.</summary>
    private const int TagBatch = 20;

    /// <summary>The target group by name, with its tags and attributes; null when there is none.</summary>
    public async Task<BindingState?> FindTargetGroupAsync(string name, CancellationToken cancellationToken)
    {
        var group = await DescribeTargetGroupAsync(new Elb.DescribeTargetGroupsRequest { Names = [name] }, cancellationToken);
        return group is null ? null : await WithDetailsAsync(group, cancellationToken);
    }

    /// <summary>The target group by ARN, with its tags and attributes; null when there is none.</summary>
    public async Task<BindingState?> DescribeTargetGroupAsync(string arn, CancellationToken cancellationToken)
    {
        var group = await DescribeTargetGroupAsync(new Elb.DescribeTargetGroupsRequest { TargetGroupArns = [arn] }, cancellationToken);
        return group is null ? null : await WithDetailsAsync(group, cancellationToken);
    }

    /// <summary>
    /// Creates the target group. Real ELBv2 returns an existing group with identical settings, even one the operator
    /// does not own; moto answers DuplicateTargetGroupName instead, which means the same. Either way the group is read
    /// back by name with its tags, which the caller checks before it changes anything (the attributes included).
    /// </summary>
    public async Task<BindingState> CreateTargetGroupAsync(V1alpha1LoadBalancerBinding obj, Elb.CreateTargetGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var created = await elb.CreateTargetGroupAsync(request, cancellationToken);
            _ = created.TargetGroups?.FirstOrDefault() ?? throw new InvalidOperationException($"CreateTargetGroup returned no target group for {request.Name}");
            await status.MutatedAsync(obj, "TargetGroupCreated", "CreateTargetGroup", $"Created target group {request.Name}", cancellationToken);
        }
        catch (Elb.DuplicateTargetGroupNameException)
        {
            // Found, not created: the caller compares its tags with the ownership tags.
        }

        return await FindTargetGroupAsync(request.Name!, cancellationToken)
            ?? throw new InvalidOperationException($"target group {request.Name} was created but cannot be described");
    }

    /// <summary>Makes only the calls the delta asks for.</summary>
    public async Task UpdateTargetGroupAsync(V1alpha1LoadBalancerBinding obj, Elb.TargetGroup group, TargetGroupDelta delta, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.HealthCheck is { } healthCheck)
        {
            await elb.ModifyTargetGroupAsync(healthCheck, cancellationToken);
            await status.MutatedAsync(obj, "TargetGroupUpdated", "ModifyTargetGroup", $"Updated the health check of target group {group.TargetGroupName}", cancellationToken);
        }

        await SetAttributesAsync(obj, group, delta.Attributes, cancellationToken);
        await TagAsync(obj, group.TargetGroupArn!, delta.Tags, cancellationToken);
    }

    /// <summary>Tags an unowned group as this object's (the adopt annotation is set).</summary>
    public async Task AdoptAsync(V1alpha1LoadBalancerBinding obj, Elb.TargetGroup group, OwnershipTags ownership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(ownership);
        await elb.AddTagsAsync(new Elb.AddTagsRequest { ResourceArns = [group.TargetGroupArn!], Tags = LoadBalancerBindingRequest.Tags(ownership.ToTags()) }, cancellationToken);
        await status.MutatedAsync(obj, "TargetGroupAdopted", "AddTags", $"Adopted existing target group {group.TargetGroupName}", cancellationToken);
    }

    /// <summary>
    /// Deletes an owned target group. Null once it is gone (TargetGroupNotFound included); otherwise what still
    /// references it (ELBv2 refuses with ResourceInUse while a listener or rule forwards to it), once
    /// <see cref="DeleteAttempts"/> tries have all met ResourceInUse.
    /// </summary>
    public async Task<string?> DeleteTargetGroupAsync(V1alpha1LoadBalancerBinding obj, Elb.TargetGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await elb.DeleteTargetGroupAsync(new Elb.DeleteTargetGroupRequest { TargetGroupArn = group.TargetGroupArn }, cancellationToken);
                await status.MutatedAsync(obj, "TargetGroupDeleted", "DeleteTargetGroup", $"Deleted target group {group.TargetGroupName}", cancellationToken);
                return null;
            }
            catch (Elb.TargetGroupNotFoundException)
            {
                return null;
            }
            catch (Elb.ResourceInUseException) when (attempt < DeleteAttempts)
            {
                await Task.Delay(DeleteRetryInterval, time, cancellationToken);
            }
            catch (Elb.ResourceInUseException e)
            {
                var users = group.LoadBalancerArns is { Count: > 0 } arns ? $"load balancer(s) {string.Join(", ", arns)}" : "a listener or rule";
                return $"target group {group.TargetGroupName} is still referenced by {users} after {DeleteAttempts} attempts: {e.Message}";
            }
        }
    }

    /// <summary>Tags of up to any number of ELB resources, by ARN (batched by DescribeTags' limit).</summary>
    public Task<Dictionary<string, Dictionary<string, string>>> TagsAsync(IEnumerable<string> arns, CancellationToken cancellationToken) =>
        TagsAsync(elb, arns, cancellationToken);

    /// <summary>The same read for a caller without an object (ecs-operator gc).</summary>
    public static async Task<Dictionary<string, Dictionary<string, string>>> TagsAsync(IElbv2Api elb, IEnumerable<string> arns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(elb);
        var tags = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var batch in arns.Distinct(StringComparer.Ordinal).Chunk(TagBatch))
        {
            var described = await elb.DescribeTagsAsync(new Elb.DescribeTagsRequest { ResourceArns = [.. batch] }, cancellationToken);
            foreach (var description in described.TagDescriptions ?? [])
            {
                tags[description.ResourceArn ?? string.Empty] = LoadBalancerBindingRequest.TagMap(description.Tags);
            }
        }

        return tags;
    }

    private async Task<Elb.TargetGroup?> DescribeTargetGroupAsync(Elb.DescribeTargetGroupsRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await elb.DescribeTargetGroupsAsync(request, cancellationToken)).TargetGroups?.FirstOrDefault();
        }
        catch (Elb.TargetGroupNotFoundException)
        {
            return null;
        }
    }

    private async Task<BindingState> WithDetailsAsync(Elb.TargetGroup group, CancellationToken cancellationToken)
    {
        var arn = group.TargetGroupArn!;
        var tags = await TagsAsync([arn], cancellationToken);
        var attributes = await elb.DescribeTargetGroupAttributesAsync(new Elb.DescribeTargetGroupAttributesRequest { TargetGroupArn = arn }, cancellationToken);
        return BindingState.Of(
            group,
            tags.GetValueOrDefault(arn),
            (attributes.Attributes ?? []).Where(a => a.Key is not null).GroupBy(a => a.Key!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal));
    }

    private async Task SetAttributesAsync(V1alpha1LoadBalancerBinding obj, Elb.TargetGroup group, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        if (attributes.Count == 0)
        {
            return;
        }

        await elb.ModifyTargetGroupAttributesAsync(new Elb.ModifyTargetGroupAttributesRequest
        {
            TargetGroupArn = group.TargetGroupArn,
            Attributes = [.. attributes.Select(a => new Elb.TargetGroupAttribute { Key = a.Key, Value = a.Value })],
        }, cancellationToken);
        await status.MutatedAsync(obj, "TargetGroupAttributesUpdated", "ModifyTargetGroupAttributes", $"Set {string.Join(", ", attributes.Select(a => $"{a.Key}={a.Value}"))} on target group {group.TargetGroupName}", cancellationToken);
    }

    private async Task TagAsync(V1alpha1LoadBalancerBinding obj, string arn, TagChanges changes, CancellationToken cancellationToken)
    {
        if (changes.ToSet.Count > 0)
        {
            await elb.AddTagsAsync(new Elb.AddTagsRequest { ResourceArns = [arn], Tags = LoadBalancerBindingRequest.Tags(changes.ToSet) }, cancellationToken);
            await status.MutatedAsync(obj, "TagsUpdated", "AddTags", $"Set tags {string.Join(", ", changes.ToSet.Keys)}", cancellationToken);
        }

        if (changes.ToRemove.Count > 0)
        {
            await elb.RemoveTagsAsync(new Elb.RemoveTagsRequest { ResourceArns = [arn], TagKeys = [.. changes.ToRemove] }, cancellationToken);
            await status.MutatedAsync(obj, "TagsRemoved", "RemoveTags", $"Removed tags {string.Join(", ", changes.ToRemove)}", cancellationToken);
        }
    }
}

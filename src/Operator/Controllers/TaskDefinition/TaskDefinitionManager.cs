using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.TaskDefinition;

/// <summary>One revision this object registered: its number and the spec hash it was registered from.</summary>
public sealed record OwnedRevision(string Arn, int Revision, string? SpecHash, string? Status);

/// <summary>
/// Registers, finds and retires the revisions of one TaskDefinition object. It only ever sees revisions carrying
/// the object's ownership tags: revisions registered by anyone else in the family are never touched.
/// </summary>
public sealed class TaskDefinitionManager(IEcsApi ecs, StatusReporter<V1alpha1TaskDefinition> status)
{
    private const int DeleteBatchSize = 10;
    private static readonly List<string> IncludeTags = ["TAGS"];

    /// <summary>The revision behind <paramref name="arn"/> when it exists and is ours; null otherwise.</summary>
    public async Task<OwnedRevision?> DescribeOwnedAsync(string arn, OwnershipTags ownership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ownership);
        try
        {
            var response = await ecs.DescribeTaskDefinitionAsync(new Ecs.DescribeTaskDefinitionRequest { TaskDefinition = arn, Include = IncludeTags }, cancellationToken);
            var tags = AwsTags.ToDictionary(response.Tags);
            return response.TaskDefinition is { } td && ownership.Classify(tags) == Ownership.Ours
                ? new OwnedRevision(td.TaskDefinitionArn ?? arn, td.Revision ?? 0, tags.GetValueOrDefault(TaskDefinitionSpecHash.TagKey), td.Status)
                : null;
        }
        catch (AwsServiceException e) when (e.Classification is AwsErrorClass.NotFound or AwsErrorClass.Invalid)
        {
            return null;
        }
    }

    /// <summary>Every revision of the family (all pages) in <paramref name="revisionStatus"/> that this object registered.</summary>
    public async Task<IReadOnlyList<OwnedRevision>> ListOwnedAsync(string family, string revisionStatus, OwnershipTags ownership, CancellationToken cancellationToken)
    {
        var owned = new List<OwnedRevision>();
        foreach (var arn in await ListArnsAsync(family, revisionStatus, cancellationToken))
        {
            if (await DescribeOwnedAsync(arn, ownership, cancellationToken) is { } revision)
            {
                owned.Add(revision);
            }
        }

        return owned;
    }

    public async Task<OwnedRevision> RegisterAsync(V1alpha1TaskDefinition obj, Ecs.RegisterTaskDefinitionRequest request, string specHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await ecs.RegisterTaskDefinitionAsync(request, cancellationToken);
        var td = response.TaskDefinition ?? throw new InvalidOperationException($"RegisterTaskDefinition returned no task definition for {request.Family}");
        await status.MutatedAsync(obj, "RevisionRegistered", "RegisterTaskDefinition", $"Registered {request.Family}:{td.Revision}", cancellationToken);
        return new OwnedRevision(td.TaskDefinitionArn!, td.Revision ?? 0, specHash, td.Status);
    }

    /// <summary>Deregisters each revision; one that is already gone counts as done. Returns the ARNs now INACTIVE.</summary>
    public async Task<IReadOnlyList<string>> DeregisterAsync(V1alpha1TaskDefinition obj, IEnumerable<OwnedRevision> revisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        var deregistered = new List<string>();
        foreach (var revision in revisions)
        {
            try
            {
                await ecs.DeregisterTaskDefinitionAsync(new Ecs.DeregisterTaskDefinitionRequest { TaskDefinition = revision.Arn }, cancellationToken);
                await status.MutatedAsync(obj, "RevisionDeregistered", "DeregisterTaskDefinition", $"Deregistered {revision.Arn}", cancellationToken);
                deregistered.Add(revision.Arn);
            }
            catch (AwsServiceException e) when (e.Classification == AwsErrorClass.NotFound)
            {
                // Already gone: the goal is reached.
            }
        }

        return deregistered;
    }

    /// <summary>
    /// DeleteTaskDefinitions on INACTIVE revisions, ten per call (the API's limit). Returns the failures ECS reported
    /// ("arn: reason"), so that the finalizer stays until every revision is really on its way out.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeleteAsync(V1alpha1TaskDefinition obj, IEnumerable<string> arns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arns);
        var failures = new List<string>();
        foreach (var batch in arns.Distinct(StringComparer.Ordinal).Chunk(DeleteBatchSize))
        {
            var response = await ecs.DeleteTaskDefinitionsAsync(new Ecs.DeleteTaskDefinitionsRequest { TaskDefinitions = [.. batch] }, cancellationToken);
            var deleted = (response.TaskDefinitions ?? []).Select(td => td.TaskDefinitionArn).OfType<string>().ToList();
            if (deleted.Count > 0)
            {
                await status.MutatedAsync(obj, "RevisionsDeleted", "DeleteTaskDefinitions", $"Deleted {string.Join(", ", deleted)}", cancellationToken);
            }

            failures.AddRange((response.Failures ?? []).Select(f => $"{f.Arn}: {f.Reason}{(f.Detail is { } d ? $" ({d})" : string.Empty)}"));
        }

        return failures;
    }

    private async Task<List<string>> ListArnsAsync(string family, string revisionStatus, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        string? next = null;
        do
        {
            var page = await ecs.ListTaskDefinitionsAsync(new Ecs.ListTaskDefinitionsRequest { FamilyPrefix = family, Status = revisionStatus, NextToken = next }, cancellationToken);

            // familyPrefix is a prefix: "web" also lists "web-api".
            arns.AddRange((page.TaskDefinitionArns ?? []).Where(arn => FamilyOf(arn) == family));
            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));
        return arns;
    }

    /// <summary>"arn:aws:ecs:region:account:task-definition/family:revision" → family.</summary>
    public static string FamilyOf(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var name = arn[(arn.LastIndexOf('/') + 1)..];
        var colon = name.LastIndexOf(':');
        return colon < 0 ? name : name[..colon];
    }
}

using EcsOperator.Runtime.Client;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// This Kubernetes cluster's id for the cluster-id ownership tag: --cluster-id when given, else the kube-system
/// namespace's UID, read once, so two clusters sharing an AWS account never take each other's resources.
/// </summary>
public sealed class ClusterIdentity(ControllerOptions options, IKubeClient kube)
{
    private string? _id = options.ClusterId;

    /// <summary>Two first callers may both read the UID; they read the same value, so no lock is needed.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken) =>
        _id ??= await kube.GetClusterIdAsync(cancellationToken);

    /// <summary>The ownership tags of one object.</summary>
    public async Task<OwnershipTags> OwnershipAsync(string @namespace, string kind, string name, CancellationToken cancellationToken) =>
        OwnershipTags.For(@namespace, kind, name, await GetAsync(cancellationToken));
}

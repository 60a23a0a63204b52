using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Client;

namespace EcsOperator.Gc;

/// <summary>The owner tag values of every object of every kind that exists now, in all namespaces.</summary>
public static class LiveOwners
{
    private static readonly (Type Type, string Kind, Func<IKubeClient, CancellationToken, Task<IEnumerable<(string? Namespace, string Name)>>> List)[] Kinds =
    [
        (typeof(V1alpha1Cluster), V1alpha1Cluster.KindName, ListAsync<V1alpha1Cluster>),
        (typeof(V1alpha1TaskDefinition), V1alpha1TaskDefinition.KindName, ListAsync<V1alpha1TaskDefinition>),
        (typeof(V1alpha1Service), V1alpha1Service.KindName, ListAsync<V1alpha1Service>),
        (typeof(V1alpha1LoadBalancerBinding), V1alpha1LoadBalancerBinding.KindName, ListAsync<V1alpha1LoadBalancerBinding>),
    ];

    /// <summary>The kinds gc lists (a test checks them against <see cref="EntityKinds.All"/>).</summary>
    public static IReadOnlyList<Type> Types { get; } = [.. Kinds.Select(k => k.Type)];

    public static IReadOnlySet<string> KindNames { get; } = Kinds.Select(k => k.Kind).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// One list per kind. An object being deleted (its finalizer still on) counts as existing: its reconciler is
    /// tearing its resources down, and gc must not race it.
    /// </summary>
    public static async Task<IReadOnlySet<string>> ReadAsync(IKubeClient kube, CancellationToken cancellationToken)
    {
        var owners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, kind, list) in Kinds)
        {
            foreach (var (ns, name) in await list(kube, cancellationToken))
            {
                owners.Add(OwnershipTags.OwnerValue(ns ?? string.Empty, kind, name));
            }
        }

        return owners;
    }

    /// <summary>An object that exists but cannot be read still owns its resources: gc must never take them.</summary>
    private static async Task<IEnumerable<(string? Namespace, string Name)>> ListAsync<T>(IKubeClient kube, CancellationToken cancellationToken)
        where T : class, IEcsResource
    {
        var list = await kube.ListAsync<T>(null, null, cancellationToken);
        return list.Items.Select(o => ((string?)o.Metadata.NamespaceProperty, o.Metadata.Name))
            .Concat(list.Undecodable.Select(u => (u.Namespace, u.Name)));
    }
}

using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Cluster;

/// <summary>
/// What differs between the spec and the ECS cluster, grouped by the call that fixes it: settings and configuration
/// through UpdateCluster, capacity providers and the default strategy through PutClusterCapacityProviders, tags
/// through Tag/UntagResource. A field the spec leaves out is not managed and never differs.
/// </summary>
public sealed record ClusterDelta(
    IReadOnlyList<Ecs.ClusterSetting> Settings,
    Ecs.ClusterConfiguration? Configuration,
    Ecs.ClusterServiceConnectDefaultsRequest? ServiceConnectDefaults,
    ProviderAssociationChange? CapacityProviders,
    TagChanges Tags)
{
    public bool NeedsUpdateCluster => Settings.Count > 0 || Configuration is not null || ServiceConnectDefaults is not null;

    public bool IsEmpty => !NeedsUpdateCluster && CapacityProviders is null && Tags.IsEmpty;

    /// <summary>Only tags differ: Tag/UntagResource change nothing else that DescribeClusters reports.</summary>
    public bool IsTagsOnly => !NeedsUpdateCluster && CapacityProviders is null && !Tags.IsEmpty;

    /// <summary>The names of the fields that differ, for the log.</summary>
    public IEnumerable<string> Fields()
    {
        if (Settings.Count > 0) yield return "containerInsights";
        if (Configuration is not null) yield return "configuration";
        if (ServiceConnectDefaults is not null) yield return "serviceConnectDefaults";
        if (CapacityProviders is not null) yield return "capacityProviders";
        if (!Tags.IsEmpty) yield return "tags";
    }

    /// <summary>
    /// The delta from <paramref name="observed"/> to <paramref name="obj"/>'s spec. <paramref name="desiredTags"/> is the
    /// user's tags plus the ownership tags; the status says which user tag keys and which service connect namespace were applied before.
    /// </summary>
    public static ClusterDelta Compute(V1alpha1Cluster obj, IReadOnlyDictionary<string, string> desiredTags, Ecs.Cluster observed)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(observed);
        var spec = obj.Spec;
        return new ClusterDelta(
            SettingsDelta(spec, observed),
            spec.Configuration is not null && !WireShape.Same(spec.Configuration, observed.Configuration)
                ? WireShape.Convert<Ecs.ClusterConfiguration>(spec.Configuration)
                : null,
            ServiceConnectDiffers(obj, observed) ? ClusterRequest.ServiceConnectDefaults(spec) : null,
            ProviderAssociationChange.Compute(spec, observed),
            TagChanges.Compute(desiredTags, AwsTags.ToDictionary(observed.Tags), obj.Status.AppliedTagKeys));
    }

    /// <summary>
    /// ECS reports the namespace as an ARN while the spec may name it, so a name is compared with what was applied,
    /// and the ARN ECS resolved it to then with what ECS has now (a change made elsewhere is drift).
    /// </summary>
    private static bool ServiceConnectDiffers(V1alpha1Cluster obj, Ecs.Cluster observed)
    {
        if (obj.Spec.ServiceConnectDefaults?.Namespace is not { Length: > 0 } wanted)
        {
            return false;
        }

        var current = observed.ServiceConnectDefaults?.Namespace;
        if (wanted.StartsWith("arn:", StringComparison.Ordinal))
        {
            return !string.Equals(wanted, current, StringComparison.Ordinal);
        }

        return current is null
            || !string.Equals(wanted, obj.Status.AppliedServiceConnectNamespace, StringComparison.Ordinal)
            || !string.Equals(current, obj.Status.ServiceConnectNamespaceArn ?? current, StringComparison.Ordinal);
    }

    private static List<Ecs.ClusterSetting> SettingsDelta(ClusterSpec spec, Ecs.Cluster observed)
    {
        var current = observed.Settings?.FirstOrDefault(s => s.Name == ClusterRequest.ContainerInsightsSetting)?.Value ?? "disabled";
        return spec.ContainerInsights is { } wanted && !string.Equals(wanted, current, StringComparison.OrdinalIgnoreCase)
            ? ClusterRequest.Settings(spec)
            : [];
    }
}

/// <summary>
/// The PutClusterCapacityProviders call. ECS replaces both lists at once, so a change to one sends the other as it
/// is now: a spec that manages only the providers never wipes a strategy set elsewhere.
/// </summary>
public sealed record ProviderAssociationChange(List<string> CapacityProviders, List<Ecs.CapacityProviderStrategyItem> DefaultCapacityProviderStrategy)
{
    /// <summary>The change, or null when providers (as a set) and strategy (base and weight default 0) already match.</summary>
    public static ProviderAssociationChange? Compute(ClusterSpec spec, Ecs.Cluster observed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observed);
        var currentProviders = observed.CapacityProviders ?? [];
        var currentStrategy = observed.DefaultCapacityProviderStrategy ?? [];
        var providersDiffer = spec.CapacityProviders is { } providers
            && !providers.ToHashSet(StringComparer.Ordinal).SetEquals(currentProviders);
        var strategyDiffer = spec.DefaultCapacityProviderStrategy is { } strategy
            && !Canonical(ClusterRequest.Strategy(strategy)).SequenceEqual(Canonical(currentStrategy));
        if (!providersDiffer && !strategyDiffer)
        {
            return null;
        }

        return new ProviderAssociationChange(
            [.. spec.CapacityProviders ?? currentProviders],
            spec.DefaultCapacityProviderStrategy is { } desired ? ClusterRequest.Strategy(desired) : [.. currentStrategy]);
    }

    private static IEnumerable<(string, int, int)> Canonical(IEnumerable<Ecs.CapacityProviderStrategyItem> strategy) =>
        strategy.Select(s => (s.CapacityProvider ?? string.Empty, s.Weight ?? 0, s.Base ?? 0)).Order();
}

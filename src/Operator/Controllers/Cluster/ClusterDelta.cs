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
    CapacityProviderChange? CapacityProviders,
    TagChanges Tags)
{
    public const string ContainerInsightsSetting = "containerInsights";

    public bool NeedsUpdateCluster => Settings.Count > 0 || Configuration is not null || ServiceConnectDefaults is not null;

    public bool IsEmpty => !NeedsUpdateCluster && CapacityProviders is null && Tags.IsEmpty;

    /// <summary>
    /// The delta from <paramref name="observed"/> to <paramref name="spec"/>. <paramref name="desiredTags"/> is the
    /// user's tags plus the ownership tags; <paramref name="appliedTagKeys"/> the user tag keys applied before.
    /// </summary>
    public static ClusterDelta Compute(ClusterSpec spec, IReadOnlyDictionary<string, string> desiredTags, Ecs.Cluster observed, IEnumerable<string>? appliedTagKeys)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observed);
        return new ClusterDelta(
            SettingsDelta(spec, observed),
            spec.Configuration is not null && !WireShape.Same(spec.Configuration, observed.Configuration)
                ? WireShape.Convert<Ecs.ClusterConfiguration>(spec.Configuration)
                : null,
            spec.ServiceConnectDefaults is not null && observed.ServiceConnectDefaults?.Namespace is null
                ? new Ecs.ClusterServiceConnectDefaultsRequest { Namespace = spec.ServiceConnectDefaults.Namespace }
                : null,
            CapacityProviderChange.Compute(spec, observed),
            TagChanges.Compute(desiredTags, AwsTags.ToDictionary(observed.Tags), appliedTagKeys));
    }

    /// <summary>The settings list CreateCluster and UpdateCluster take for the spec's containerInsights.</summary>
    public static List<Ecs.ClusterSetting> DesiredSettings(ClusterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.ContainerInsights is { } insights
            ? [new Ecs.ClusterSetting { Name = ContainerInsightsSetting, Value = insights }]
            : [];
    }

    private static List<Ecs.ClusterSetting> SettingsDelta(ClusterSpec spec, Ecs.Cluster observed)
    {
        var current = observed.Settings?.FirstOrDefault(s => s.Name == ContainerInsightsSetting)?.Value ?? "disabled";
        return spec.ContainerInsights is { } wanted && !string.Equals(wanted, current, StringComparison.OrdinalIgnoreCase)
            ? DesiredSettings(spec)
            : [];
    }
}

using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Cluster;

/// <summary>The spec → ECS request mapping for a cluster.</summary>
public static class ClusterRequest
{
    public const string ContainerInsightsSetting = "containerInsights";

    public static Ecs.CreateClusterRequest Create(ClusterSpec spec, string name, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new Ecs.CreateClusterRequest
        {
            ClusterName = name,
            Settings = Settings(spec) is { Count: > 0 } settings ? settings : null,
            Configuration = WireShape.Convert<Ecs.ClusterConfiguration>(spec.Configuration),
            CapacityProviders = spec.CapacityProviders?.ToList(),
            DefaultCapacityProviderStrategy = spec.DefaultCapacityProviderStrategy is { } strategy ? Strategy(strategy) : null,
            ServiceConnectDefaults = ServiceConnectDefaults(spec),
            Tags = AwsTags.ToList(tags),
        };
    }

    /// <summary>The settings list CreateCluster and UpdateCluster take for the spec's containerInsights.</summary>
    public static List<Ecs.ClusterSetting> Settings(ClusterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.ContainerInsights is { } insights
            ? [new Ecs.ClusterSetting { Name = ContainerInsightsSetting, Value = insights }]
            : [];
    }

    public static Ecs.ClusterServiceConnectDefaultsRequest? ServiceConnectDefaults(ClusterSpec spec) =>
        spec?.ServiceConnectDefaults is { } sc ? new Ecs.ClusterServiceConnectDefaultsRequest { Namespace = sc.Namespace } : null;

    public static List<Ecs.CapacityProviderStrategyItem> Strategy(IEnumerable<CapacityProviderStrategyItem> strategy) =>
        [.. strategy.Select(s => new Ecs.CapacityProviderStrategyItem { CapacityProvider = s.CapacityProvider, Weight = s.Weight, Base = s.Base })];
}

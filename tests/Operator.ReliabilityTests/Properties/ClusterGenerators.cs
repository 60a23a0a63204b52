using CsCheck;
using EcsOperator.Entities;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.ReliabilityTests.Properties;

/// <summary>Random Cluster specs and ECS clusters drawn from small pools, so that spec and AWS often agree in part.</summary>
public static class ClusterGenerators
{
    public static readonly string[] TagKeys = ["team", "env", "tier", "cost-center"];

    private static readonly string[] Providers = ["FARGATE", "FARGATE_SPOT", "cp-ec2"];
    private static readonly string[] Insights = ["enabled", "enhanced", "disabled", "ENABLED"];

    public static readonly Gen<Dictionary<string, string>> Tags =
        Gen.Select(Gen.OneOf(TagKeys), Gen.OneOf("a", "b", "")).Array[0, 4]
            .Select(pairs => pairs.GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.Last().Item2, StringComparer.Ordinal));

    public static readonly Gen<ClusterSpec> Spec =
        Gen.Select(Gen.OneOf(Insights).Null(0.3), Gen.Shuffle(Providers, 0, 3).Null(0.3), Strategy.Null(0.3), Configuration.Null(0.4), Tags.Null(0.2))
            .Select((insights, providers, strategy, configuration, tags) => new ClusterSpec
            {
                ContainerInsights = insights,
                CapacityProviders = providers,
                DefaultCapacityProviderStrategy = strategy,
                Configuration = configuration,
                Tags = tags,
            });

    public static readonly Gen<Ecs.Cluster> Observed =
        Gen.Select(Gen.OneOf(Insights).Null(0.3), Gen.Shuffle(Providers, 0, 3), Strategy, Configuration.Null(0.5), Tags)
            .Select((insights, providers, strategy, configuration, tags) => new Ecs.Cluster
            {
                ClusterName = "demo",
                Status = "ACTIVE",
                Settings = insights is null ? null : [new Ecs.ClusterSetting { Name = "containerInsights", Value = insights }],
                CapacityProviders = [.. providers],
                DefaultCapacityProviderStrategy = [.. strategy.Select(s => new Ecs.CapacityProviderStrategyItem { CapacityProvider = s.CapacityProvider, Weight = s.Weight, Base = s.Base })],
                Configuration = configuration is null ? null : Controllers.Shared.WireShape.Convert<Ecs.ClusterConfiguration>(configuration),
                Tags = [.. tags.Select(t => new Ecs.Tag { Key = t.Key, Value = t.Value })],
            });

    private static Gen<List<CapacityProviderStrategyItem>> Strategy =>
        Gen.Select(Gen.OneOf(Providers), Gen.Int[0, 3].Nullable(0.3), Gen.Int[0, 2].Nullable(0.3))
            .Select((provider, weight, @base) => new CapacityProviderStrategyItem { CapacityProvider = provider, Weight = weight, Base = @base })
            .List[0, 3];

    private static Gen<ClusterConfiguration> Configuration =>
        Gen.Select(Gen.OneOf("DEFAULT", "NONE", "OVERRIDE"), Gen.OneOf("key-1", "key-2").Null(0.5), Gen.OneOf("/ecs/exec", "/ecs/other").Null(0.5))
            .Select((logging, kms, group) => new ClusterConfiguration
            {
                ExecuteCommandConfiguration = new ExecuteCommandConfiguration
                {
                    Logging = logging,
                    KmsKeyId = kms,
                    LogConfiguration = group is null ? null : new ExecuteCommandLogConfiguration { CloudWatchLogGroupName = group },
                },
            });
}

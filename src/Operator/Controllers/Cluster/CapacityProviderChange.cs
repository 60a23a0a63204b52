using EcsOperator.Entities;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Cluster;

/// <summary>
/// The PutClusterCapacityProviders call. ECS replaces both lists at once, so a change to one sends the other as it
/// is now: a spec that manages only the providers never wipes a strategy set elsewhere.
/// </summary>
public sealed record CapacityProviderChange(List<string> CapacityProviders, List<Ecs.CapacityProviderStrategyItem> DefaultCapacityProviderStrategy)
{
    /// <summary>The change, or null when providers (as a set) and strategy (base and weight default 0) already match.</summary>
    public static CapacityProviderChange? Compute(ClusterSpec spec, Ecs.Cluster observed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observed);
        var currentProviders = observed.CapacityProviders ?? [];
        var currentStrategy = observed.DefaultCapacityProviderStrategy ?? [];
        var providersDiffer = spec.CapacityProviders is { } providers
            && !providers.ToHashSet(StringComparer.Ordinal).SetEquals(currentProviders);
        var strategyDiffer = spec.DefaultCapacityProviderStrategy is { } strategy
            && !Canonical(ToEcs(strategy)).SequenceEqual(Canonical(currentStrategy));
        if (!providersDiffer && !strategyDiffer)
        {
            return null;
        }

        return new CapacityProviderChange(
            [.. spec.CapacityProviders ?? currentProviders],
            spec.DefaultCapacityProviderStrategy is { } desired ? ToEcs(desired) : [.. currentStrategy]);
    }

    public static List<Ecs.CapacityProviderStrategyItem> ToEcs(IEnumerable<CapacityProviderStrategyItem> strategy) =>
        [.. strategy.Select(s => new Ecs.CapacityProviderStrategyItem { CapacityProvider = s.CapacityProvider, Weight = s.Weight, Base = s.Base })];

    private static IEnumerable<(string, int, int)> Canonical(IEnumerable<Ecs.CapacityProviderStrategyItem> strategy) =>
        strategy.Select(s => (s.CapacityProvider ?? string.Empty, s.Weight ?? 0, s.Base ?? 0)).Order();
}

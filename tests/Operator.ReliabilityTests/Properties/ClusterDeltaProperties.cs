using EcsOperator.Controllers.Cluster;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.ReliabilityTests.Properties;

/// <summary>
/// For random spec/ECS pairs: doing what ClusterDelta asks (as ECS applies UpdateCluster, PutClusterCapacityProviders,
/// TagResource and UntagResource) leaves nothing to do, so a converged cluster makes no further mutating call.
/// </summary>
public sealed class ClusterDeltaProperties
{
    private static readonly Dictionary<string, string> OwnerTags = new(StringComparer.Ordinal)
    {
        [WellKnown.OwnerTag] = "ns/Cluster/demo",
        [WellKnown.ClusterIdTag] = "uid",
    };

    [Fact]
    public void Applying_the_delta_to_ecs_leaves_an_empty_delta()
    {
        var gen = CsCheck.Gen.Select(ClusterGenerators.Spec, ClusterGenerators.Observed, CsCheck.Gen.Shuffle(ClusterGenerators.TagKeys, 0, 4));
        PropertyRuns.Check(gen, sample =>
        {
            var (spec, observed, applied) = sample;
            var obj = new V1alpha1Cluster { Spec = spec, Status = new ClusterStatus { AppliedTagKeys = [.. applied] } };
            var desiredTags = AwsTags.Merge(spec.Tags, OwnerTags);

            Apply(ClusterDelta.Compute(obj, desiredTags, observed), observed);
            var again = ClusterDelta.Compute(obj, desiredTags, observed);

            Assert.True(again.IsEmpty, $"still differs: {string.Join(", ", again.Fields())}");
        }, Print);
    }

    [Fact]
    public void A_spec_that_manages_nothing_never_differs()
    {
        PropertyRuns.Check(ClusterGenerators.Observed, observed =>
        {
            var obj = new V1alpha1Cluster { Spec = new ClusterSpec() };
            var ownerOnly = AwsTags.ToDictionary(observed.Tags).Concat(OwnerTags).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value);
            observed.Tags = AwsTags.ToList(ownerOnly);

            Assert.True(ClusterDelta.Compute(obj, OwnerTags, observed).IsEmpty);
        });
    }

    /// <summary>What ECS does with each call the delta makes.</summary>
    private static void Apply(ClusterDelta delta, Ecs.Cluster observed)
    {
        if (delta.Settings.Count > 0)
        {
            observed.Settings = [.. (observed.Settings ?? []).Where(s => s.Name != ClusterRequest.ContainerInsightsSetting), .. delta.Settings];
        }

        if (delta.Configuration is { } configuration)
        {
            observed.Configuration = configuration;
        }

        if (delta.CapacityProviders is { } providers)
        {
            observed.CapacityProviders = [.. providers.CapacityProviders];
            observed.DefaultCapacityProviderStrategy = [.. providers.DefaultCapacityProviderStrategy];
        }

        var tags = AwsTags.ToDictionary(observed.Tags);
        foreach (var (key, value) in delta.Tags.ToSet)
        {
            tags[key] = value;
        }

        foreach (var key in delta.Tags.ToRemove)
        {
            tags.Remove(key);
        }

        observed.Tags = AwsTags.ToList(tags);
    }

    private static string Print((ClusterSpec Spec, Ecs.Cluster Observed, string[] Applied) sample) =>
        $"spec={k8s.KubernetesJson.Serialize(sample.Spec)} observed={System.Text.Json.JsonSerializer.Serialize(sample.Observed)} applied=[{string.Join(",", sample.Applied)}]";
}

using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.ReliabilityTests.Harness;

/// <summary>
/// The watch that proves "never Stalled for a transient fault" can fail: a stall it never sampled (over and fixed
/// before the watch began) is still reported, from the Warning event the operator recorded.
/// </summary>
public sealed class StalledWatchTests(OperatorStack stack) : IClassFixture<OperatorStack>
{
    [Fact]
    public async Task A_stall_over_before_any_sample_is_reported_from_its_event()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("stalled-watch"));
        var cluster = new V1alpha1Cluster
        {
            Metadata = new() { Name = "demo", NamespaceProperty = ns },
            Spec = new ClusterSpec { ClusterName = TestNames.Unique("sw"), Tags = new Dictionary<string, string> { [WellKnown.OwnerTag] = "someone-else" } },
        };
        await stack.Objects.CreateAsync(cluster);
        await stack.Objects.WaitConditionAsync<V1alpha1Cluster>(ns, "demo", ConditionTypes.Stalled, "InvalidSpec");
        await stack.Objects.UpdateAsync<V1alpha1Cluster>(ns, "demo", c => c.Spec.Tags = null);
        await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "demo");

        using (var watch = new StalledWatch(stack.Objects, ns, async () => [(await stack.Objects.GetAsync<V1alpha1Cluster>(ns, "demo"))!]))
        {
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(watch.Reads > 0), KubeObjects.DefaultTimeout, TimeSpan.FromMilliseconds(50)), "the watch never read");
            await watch.DisposeAsync();

            var reported = Assert.Single(watch.Stalled);
            Assert.StartsWith("Cluster/demo: InvalidSpec: ", reported, StringComparison.Ordinal);
            Assert.Contains($"spec.tags[{WellKnown.OwnerTag}]", reported, StringComparison.Ordinal);
        }

        await stack.Objects.DeleteAsync<V1alpha1Cluster>(ns, "demo");
        await stack.Objects.WaitGoneAsync<V1alpha1Cluster>(ns, "demo");
    }
}

using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.Tests.Runtime.Reconcile;

public sealed class ReferenceResolverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reference_into_another_namespace_is_outside_a_one_namespace_shard()
    {
        var resolver = new ReferenceResolver(new ShardScope("team-a", LabelSelector.Everything), new FakeKubeClient<Widget>());

        var (state, _) = await resolver.ResolveAsync(new ObjectCache<Widget>(), "team-b", "x", Ct);

        Assert.Equal(ReferenceState.OutsideShard, state);
    }

    [Fact]
    public async Task An_object_that_exists_without_the_shards_labels_is_outside_and_an_absent_one_is_missing()
    {
        var kube = new FakeKubeClient<Widget>();
        kube.Apply(Widget.Create("ns", "unlabelled"));
        var resolver = new ReferenceResolver(new ShardScope(null, LabelSelector.Parse("shard=a")), kube);
        var cache = new ObjectCache<Widget>();
        var inShard = Widget.Create("ns", "mine");
        cache.Upsert(inShard);

        Assert.Equal(ReferenceState.OutsideShard, (await resolver.ResolveAsync(cache, "ns", "unlabelled", Ct)).State);
        Assert.Equal(ReferenceState.Missing, (await resolver.ResolveAsync(cache, "ns", "absent", Ct)).State);
        var found = await resolver.ResolveAsync(cache, "ns", "mine", Ct);
        Assert.Equal((ReferenceState.Found, "mine"), (found.State, found.Object?.Metadata.Name));
    }
}

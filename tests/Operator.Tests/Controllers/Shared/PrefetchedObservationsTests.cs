using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Reconcile;
using Xunit;

namespace EcsOperator.Tests.Controllers.Shared;

/// <summary>The stale-prefetch rule: a sweep's observation reaches only a reconcile that nothing could have outdated.</summary>
public sealed class PrefetchedObservationsTests
{
    private readonly PrefetchedObservations<V1alpha1Cluster> _prefetched = new();

    private static V1alpha1Cluster Cluster(string name = "demo", string resourceVersion = "7", string uid = "uid-1") => new()
    {
        Metadata = new() { Name = name, NamespaceProperty = "ns", ResourceVersion = resourceVersion, Uid = uid },
        Spec = new ClusterSpec(),
    };

    private object? Take(V1alpha1Cluster obj)
    {
        using var lease = _prefetched.Begin(obj);
        return lease.Observed;
    }

    private static ReconcileRequest Key(V1alpha1Cluster obj) => ReconcileRequest.For(obj);

    [Fact]
    public void The_reconcile_after_the_read_gets_the_observation_once()
    {
        var obj = Cluster();
        _prefetched.Open([obj]);
        _prefetched.Fill(Key(obj), "observed");

        Assert.Equal("observed", Take(obj));
        Assert.Null(Take(obj));
        Assert.Equal(0, _prefetched.Pending);
    }

    [Fact]
    public void An_object_edited_since_the_sweep_read_it_reads_aws_itself()
    {
        _prefetched.Open([Cluster(resourceVersion: "7")]);
        _prefetched.Fill(Key(Cluster()), "observed");

        Assert.Null(Take(Cluster(resourceVersion: "8")));
    }

    [Fact]
    public void A_recreated_object_of_the_same_name_reads_aws_itself()
    {
        _prefetched.Open([Cluster(uid: "uid-1")]);
        _prefetched.Fill(Key(Cluster()), "observed");

        Assert.Null(Take(Cluster(uid: "uid-2")));
    }

    [Fact]
    public void A_reconcile_that_starts_before_the_read_returns_takes_the_slot_and_the_late_result_is_dropped()
    {
        var obj = Cluster();
        _prefetched.Open([obj]);

        // An edit (or a watch of another kind) reconciles it while the batch read is under way: no waiting for the batch.
        Assert.Null(Take(obj));
        _prefetched.Fill(Key(obj), "read before that reconcile changed AWS");

        Assert.Null(Take(obj));
    }

    [Fact]
    public void A_sweep_opens_no_slot_for_an_object_whose_reconcile_is_running()
    {
        var obj = Cluster();
        using (_prefetched.Begin(obj))
        {
            // This reconcile may change AWS after the batch read; its picture must not reach the next reconcile.
            Assert.Empty(_prefetched.Open([obj]));
            _prefetched.Fill(Key(obj), "observed");
        }

        Assert.Null(Take(obj));
        Assert.Single(_prefetched.Open([obj]));
    }

    [Fact]
    public void The_next_sweep_drops_what_the_previous_one_left()
    {
        var read = Cluster("read");
        var deleted = Cluster("deleted");
        _prefetched.Open([read, deleted]);
        _prefetched.Fill(Key(read), "first sweep");
        _prefetched.Fill(Key(deleted), "first sweep");

        _prefetched.Open([read]);

        Assert.Equal(1, _prefetched.Pending);
        Assert.Null(Take(read));
    }

    [Fact]
    public void An_object_being_deleted_gets_no_slot()
    {
        var obj = Cluster();
        obj.Metadata.DeletionTimestamp = DateTime.UtcNow;

        Assert.Empty(_prefetched.Open([obj]));
    }
}

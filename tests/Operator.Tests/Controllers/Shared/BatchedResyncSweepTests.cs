using System.Net;
using Amazon.Runtime;
using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Controllers.Cluster;
using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Tests.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Tests.Controllers.Shared;

/// <summary>The Cluster and Service sweeps against a scripted ECS: how many batch reads, and what the reconciles then read.</summary>
public sealed class BatchedResyncSweepTests
{
    private const string ClusterId = "uid-1";
    private readonly ScriptedApi<IEcsApi> _ecs = Scripted.For<IEcsApi>();
    private readonly FakeKubeClient<V1alpha1Cluster> _kube = new();
    private readonly ObjectCache<V1alpha1Cluster> _clusters = new();
    private readonly ObjectCache<V1alpha1Service> _services = new();
    private readonly PrefetchedObservations<V1alpha1Cluster> _prefetchedClusters = new();
    private readonly List<ReconcileRequest> _enqueued = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Ecs.Cluster InAws(string name) => new()
    {
        ClusterName = name,
        ClusterArn = $"arn:aws:ecs:us-east-1:123456789012:cluster/{name}",
        Status = "ACTIVE",
        Tags = [new Ecs.Tag { Key = WellKnown.OwnerTag, Value = $"ns/Cluster/{name}" }, new Ecs.Tag { Key = WellKnown.ClusterIdTag, Value = ClusterId }],
    };

    private void AddClusters(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _kube.Apply(AtRest(new V1alpha1Cluster { Metadata = new() { Name = $"c{i}", NamespaceProperty = "ns", Uid = $"uid-c{i}", Finalizers = [WellKnown.Finalizer] }, Spec = new ClusterSpec() }));
            _clusters.Upsert(_kube.Peek($"ns/c{i}")!);
        }
    }

    private void DescribeClustersAnswersFromAws() =>
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(request =>
        {
            Assert.InRange(request.Clusters!.Count, 1, 100);
            Assert.Equal(["TAGS", "SETTINGS", "CONFIGURATIONS"], request.Include);
            return new() { Clusters = [.. request.Clusters.Select(InAws)] };
        });

    private Task SweepClustersAsync() =>
        new ClusterResyncSweep(Provider(), _clusters, _prefetchedClusters, NullLogger<ClusterResyncSweep>.Instance).SweepAsync(_clusters.Keys(), _enqueued.Add, Ct);

    private ClusterReconciler ClusterReconciler()
    {
        var status = new StatusReporter<V1alpha1Cluster>(new StatusWriter<V1alpha1Cluster>(_kube, _clusters), new RecordingEvents(), TimeProvider.System, NullLogger<StatusReporter<V1alpha1Cluster>>.Instance);
        var options = new ControllerOptions { ClusterId = ClusterId };
        var services = new ReconcileServices<V1alpha1Cluster>(status, new ClusterIdentity(options, _kube), options, NullLogger<ReconcileServices<V1alpha1Cluster>>.Instance, _prefetchedClusters);
        return new ClusterReconciler(services, new ClusterManager(_ecs.Api, status), _services);
    }

    [Fact]
    public async Task A_sweep_over_250_clusters_reads_them_in_3_calls_and_their_reconciles_read_nothing_more()
    {
        AddClusters(250);
        DescribeClustersAnswersFromAws();

        await SweepClustersAsync();

        Assert.Equal(3, _ecs.Calls.Count(c => c == "DescribeClusters"));
        Assert.Equal(250, _enqueued.Distinct().Count());
        Assert.Equal(250, _enqueued.Count);
        foreach (var key in _enqueued)
        {
            Assert.Equal(ReconcileResult.Done, await ClusterReconciler().ReconcileAsync(_clusters.Get(key)!, Ct));
        }

        Assert.Equal(3, _ecs.Calls.Count);
        Assert.True(Conditions.IsTrue(_kube.Peek("ns/c249")!.Status, ConditionTypes.Ready));
    }

    [Fact]
    public async Task A_failed_batch_read_still_reconciles_every_object_once_each_reading_for_itself()
    {
        AddClusters(3);
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(request => request.Clusters!.Count > 1
            ? throw new AwsServiceException("Rate exceeded", null, ErrorType.Sender, "ThrottlingException", "req-1", HttpStatusCode.BadRequest)
            : new() { Clusters = [InAws(request.Clusters[0])] });

        await SweepClustersAsync();
        foreach (var key in _enqueued)
        {
            await ClusterReconciler().ReconcileAsync(_clusters.Get(key)!, Ct);
        }

        Assert.Equal(3, _enqueued.Distinct().Count());
        Assert.Equal(3, _enqueued.Count);
        Assert.Equal(1 + 3, _ecs.Calls.Count(c => c == "DescribeClusters"));
    }

    [Fact]
    public async Task An_edit_after_the_sweep_makes_the_reconcile_read_aws_itself()
    {
        AddClusters(1);
        DescribeClustersAnswersFromAws();
        await SweepClustersAsync();

        _kube.Apply(new V1alpha1Cluster { Metadata = new() { Name = "c0", NamespaceProperty = "ns", Uid = "uid-c0" }, Spec = new ClusterSpec { ContainerInsights = "disabled" } });
        _clusters.Upsert(_kube.Peek("ns/c0")!);
        _ecs.On<Ecs.UpdateClusterRequest, Ecs.UpdateClusterResponse>(_ => new());
        await ClusterReconciler().ReconcileAsync(_clusters.Get(new ReconcileRequest("ns", "c0"))!, Ct);

        Assert.Equal(2, _ecs.Calls.TakeWhile(c => c == "DescribeClusters").Count());
    }

    [Fact]
    public async Task Services_are_read_per_ecs_cluster_in_pages_of_10_and_an_unresolved_one_is_only_enqueued()
    {
        _clusters.Upsert(new V1alpha1Cluster { Metadata = new() { Name = "shop", NamespaceProperty = "ns" }, Spec = new ClusterSpec(), Status = new ClusterStatus { Arn = "arn:aws:ecs:us-east-1:123456789012:cluster/shop" } });
        for (var i = 0; i < 25; i++)
        {
            AddService($"a{i}", s => s.Spec.ClusterRef = new() { Name = "shop" });
        }

        for (var i = 0; i < 5; i++)
        {
            AddService($"b{i}", s => s.Status.ClusterArn = "arn:aws:ecs:us-east-1:123456789012:cluster/batch");
        }

        AddService("waiting", s => s.Spec.ClusterRef = new() { Name = "not-there-yet" });
        var reads = new List<(string Cluster, int Names)>();
        _ecs.On<Ecs.DescribeServicesRequest, Ecs.DescribeServicesResponse>(request =>
        {
            Assert.Equal(["TAGS"], request.Include);
            reads.Add((request.Cluster!, request.Services!.Count));
            return new() { Services = [.. request.Services.Select(name => new Ecs.Service { ServiceName = name, Status = "ACTIVE", ClusterArn = $"arn:aws:ecs:us-east-1:123456789012:cluster/{request.Cluster}" })] };
        });
        var prefetched = new PrefetchedObservations<V1alpha1Service>();

        await new ServiceResyncSweep(Provider(), _services, _clusters, prefetched, NullLogger<ServiceResyncSweep>.Instance).SweepAsync(_services.Keys(), _enqueued.Add, Ct);

        Assert.Equal([("batch", 5), ("shop", 10), ("shop", 10), ("shop", 5)], reads);
        Assert.Equal(31, _enqueued.Count);
        Assert.Equal(31, _enqueued.Distinct().Count());
        using (var waiting = prefetched.Begin(_services.Get(new ReconcileRequest("ns", "waiting"))!))
        using (var read = prefetched.Begin(_services.Get(new ReconcileRequest("ns", "b0"))!))
        {
            Assert.Null(waiting.Observed);
            Assert.Equal("b0", Assert.IsType<Ecs.Service>(read.Observed).ServiceName);
        }
    }

    [Fact]
    public async Task Objects_not_at_rest_are_only_enqueued_never_read_in_a_batch()
    {
        AddClusters(3);
        _clusters.Upsert(Changed(_clusters.Get(new ReconcileRequest("ns", "c0"))!, c => c.Status.Conditions = [new Condition { Type = ConditionTypes.Stalled, Status = ConditionStatus.True, Reason = "InvalidSpec" }]));
        _clusters.Upsert(Changed(_clusters.Get(new ReconcileRequest("ns", "c1"))!, c => c.Metadata.Annotations = new Dictionary<string, string> { [WellKnown.ReconcileAnnotation] = WellKnown.Paused }));
        _clusters.Upsert(Changed(_clusters.Get(new ReconcileRequest("ns", "c2"))!, c => c.Metadata.DeletionTimestamp = DateTime.UtcNow));
        DescribeClustersAnswersFromAws();

        await SweepClustersAsync();

        Assert.Empty(_ecs.Calls);
        Assert.Equal(3, _enqueued.Distinct().Count());
    }

    /// <summary>Converged on its generation: the state a steady-state resync reads in batches.</summary>
    private static T AtRest<T>(T obj)
        where T : IEcsResource
    {
        obj.Metadata.Generation = 1;
        obj.ResourceStatus.ObservedGeneration = 1;
        obj.ResourceStatus.Conditions = [new Condition { Type = ConditionTypes.Ready, Status = ConditionStatus.True, ObservedGeneration = 1 }];
        return obj;
    }

    private static T Changed<T>(T obj, Action<T> change)
    {
        change(obj);
        return obj;
    }

    private ServiceProvider Provider() => new ServiceCollection().AddSingleton(_ecs.Api).BuildServiceProvider();

    private void AddService(string name, Action<V1alpha1Service> change)
    {
        var service = new V1alpha1Service { Metadata = new() { Name = name, NamespaceProperty = "ns" }, Spec = new ServiceSpec { TaskDefinition = "web:1" } };
        change(AtRest(service));
        _services.Upsert(service);
    }
}

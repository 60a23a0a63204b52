using System.Globalization;
using EcsOperator.Entities;
using EcsOperator.Testing;
using Prometheus;
using Xunit;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// The stack with a short resync period, a budget large enough to create a few hundred objects quickly, and its own
/// metrics registry (the tests read reconcile and sweep counters). Counts the objects it created per kind, since every
/// object of a kind is part of every sweep of that kind.
/// </summary>
public sealed class ShortResyncStack : IAsyncLifetime
{
    /// <summary>
    /// Short, but longer than reconciling a sweep's objects takes on a busy 2-core machine: a sweep that starts while
    /// the previous one's reconciles are still queued finds those objects busy and leaves them to read AWS themselves.
    /// </summary>
    public static readonly TimeSpan ResyncPeriod = TimeSpan.FromSeconds(3);

    private readonly Dictionary<Type, int> _created = [];

    public OperatorStack Stack { get; }

    public ShortResyncStack() => Stack = new OperatorStack
    {
        Tune = options => options with { ResyncPeriod = ResyncPeriod, AwsBudgetScale = 20, Workers = 8 },
    };

    public ValueTask InitializeAsync() => Stack.InitializeAsync();

    public ValueTask DisposeAsync() => Stack.DisposeAsync();

    /// <summary>Creates the objects in parallel (a few at a time) and counts them.</summary>
    public async Task CreateAllAsync<T>(IReadOnlyList<T> objects)
        where T : class, IEcsResource
    {
        await Parallel.ForEachAsync(objects, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (obj, _) => await Stack.Objects.CreateAsync(obj));
        _created[typeof(T)] = Count<T>() + objects.Count;
    }

    public int Count<T>() => _created.GetValueOrDefault(typeof(T));

    /// <summary>The sum of a counter's samples for one controller (every result label).</summary>
    public Task<double> CounterAsync(string name, string controller) => Stack.MetricAsync(name, ("controller", controller));
}

/// <summary>
/// Issue 11's "Batched resync" and issue 15's steady-state reads: once converged, a resync describes services in
/// pages of 10 per ECS cluster and clusters in pages of 100, and each object is reconciled once per resync without a
/// Describe of its own. Measured over whole resyncs: until reconcile_total grew by the object count times the resyncs.
/// </summary>
public sealed class BatchedResyncTests(ShortResyncStack fixture) : IClassFixture<ShortResyncStack>
{
    private const int Resyncs = 2;
    private static readonly TimeSpan ConvergeTimeout = TimeSpan.FromSeconds(90);

    private OperatorStack Stack => fixture.Stack;

    [Fact]
    public async Task A_resync_over_100_services_in_one_cluster_makes_at_most_12_DescribeServices_calls()
    {
        const int services = 100;
        var ns = await Stack.Objects.CreateNamespaceAsync(TestNames.Unique("sweep-svc"));
        var names = new ServiceStack(ns, TestNames.Unique("sweep-cl"), TestNames.Unique("sweep-td"), "unused");
        await fixture.CreateAllAsync([names.Cluster()]);
        await Stack.Objects.CreateAsync(names.TaskDefinition());
        await fixture.CreateAllAsync(Enumerable.Range(0, services).Select(i =>
        {
            var service = names.Service(spec => spec.ServiceName = $"{names.ClusterName}-s{i}");
            service.Metadata.Name = $"web-{i}";
            return service;
        }).ToList());
        for (var i = 0; i < services; i++)
        {
            await Stack.Objects.WaitReadyAsync<V1alpha1Service>(ns, $"web-{i}", ConvergeTimeout);
        }

        var window = await MeasureResyncsAsync("service", fixture.Count<V1alpha1Service>(), ("ecs", "DescribeServices"));

        // ceil(100/10) = 10 per sweep.
        window.AssertReadsPerSweep("DescribeServices", pageReads: 10);
    }

    [Fact]
    public async Task A_resync_over_150_clusters_makes_at_most_2_DescribeClusters_calls_per_resync()
    {
        const int clusters = 150;
        var ns = await Stack.Objects.CreateNamespaceAsync(TestNames.Unique("sweep-cls"));
        var prefix = TestNames.Unique("sweep");
        await fixture.CreateAllAsync(Enumerable.Range(0, clusters).Select(i => new V1alpha1Cluster
        {
            Metadata = new() { Name = $"c{i}", NamespaceProperty = ns },
            Spec = new ClusterSpec { ClusterName = $"{prefix}-c{i}" },
        }).ToList());
        for (var i = 0; i < clusters; i++)
        {
            await Stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, $"c{i}", ConvergeTimeout);
        }

        var all = fixture.Count<V1alpha1Cluster>();
        var window = await MeasureResyncsAsync("cluster", all, ("ecs", "DescribeClusters"));

        // ceil(151/100) = 2 per sweep.
        window.AssertReadsPerSweep("DescribeClusters", pageReads: (all + 99) / 100);
    }

    /// <summary>
    /// The AWS reads, reconciles and sweeps of at least <see cref="Resyncs"/> resyncs: from a converged start until
    /// reconcile_total grew by that many times the object count (never a fixed wait). Also asserts that no object was
    /// reconciled twice per sweep: at most one reconcile per object for each sweep started in the window, plus one for
    /// the sweep that was under way when it opened.
    /// </summary>
    private async Task<ResyncWindow> MeasureResyncsAsync(string controller, int objects, (string Service, string Operation) read)
    {
        await SettleAsync();
        var reconcilesBefore = await fixture.CounterAsync("controller_runtime_reconcile_total", controller);
        var sweepsBefore = await fixture.CounterAsync("ecs_operator_resync_sweeps_total", controller);
        var describesBefore = Stack.Proxy.Stats.For(read.Service, read.Operation).Calls;
        var target = reconcilesBefore + (Resyncs * objects);

        Assert.True(
            await Eventually.TrueAsync(async () => await fixture.CounterAsync("controller_runtime_reconcile_total", controller) >= target, TimeSpan.FromSeconds(30)),
            $"{controller}: reconcile_total did not grow by {Resyncs} x {objects}");

        var describes = Stack.Proxy.Stats.For(read.Service, read.Operation).Calls - describesBefore;
        var reconciles = await fixture.CounterAsync("controller_runtime_reconcile_total", controller) - reconcilesBefore;
        var sweeps = await fixture.CounterAsync("ecs_operator_resync_sweeps_total", controller) - sweepsBefore;

        // Each sweep reconciles every object once; reconciles beyond one per object per sweep would mean a second source.
        Assert.InRange(reconciles, Resyncs * objects, (sweeps + 1) * objects);
        return new ResyncWindow(objects, (long)sweeps, describes, reconciles);
    }

    /// <summary>
    /// What one measured window saw. The window is not aligned with the sweeps (a sweep counts when it starts, before
    /// its reads; the counters are polled): it may open after the reads of the sweep under way and close before the
    /// last started sweep has read, or open before the under-way sweep's reads and close after the last one's. So the
    /// reads are bounded per sweep started in it, with one sweep's reads of slack either way; an object read on its own
    /// (151 calls a sweep here) or a page size halved would still be far outside.
    /// </summary>
    private sealed record ResyncWindow(int Objects, long Sweeps, long Describes, double Reconciles)
    {
        public void AssertReadsPerSweep(string operation, int pageReads)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{operation} {Describes} over {Sweeps} sweeps of {Objects} objects ({pageReads} a sweep); reconciles per object per sweep {Reconciles / (Objects * (double)Sweeps):F2}");
            Assert.InRange(Describes, (Sweeps - 1) * pageReads, (Sweeps + 1) * pageReads);
        }
    }

    /// <summary>
    /// Ready is not yet rest: a Cluster's next resync writes its task counts, and that status change requeues every
    /// Service in it (through the clusterRef index), each reading AWS itself. Two more sweeps of both kinds pass that.
    /// </summary>
    private async Task SettleAsync()
    {
        var clusterSweeps = await fixture.CounterAsync("ecs_operator_resync_sweeps_total", "cluster");
        var serviceSweeps = await fixture.CounterAsync("ecs_operator_resync_sweeps_total", "service");
        Assert.True(
            await Eventually.TrueAsync(
                async () => await fixture.CounterAsync("ecs_operator_resync_sweeps_total", "cluster") >= clusterSweeps + 2
                    && await fixture.CounterAsync("ecs_operator_resync_sweeps_total", "service") >= serviceSweeps + 2,
                TimeSpan.FromSeconds(30)),
            "the resync sweeps stopped");
    }
}

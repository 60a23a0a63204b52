using System.Globalization;
using System.Runtime.CompilerServices;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Metrics;
using EcsOperator.Runtime.Status;
using k8s;
using Prometheus;
using Xunit;

namespace EcsOperator.Tests.Runtime;

public sealed class ResourceConditionCounterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly ResourceConditionCounter<V1alpha1Cluster> _counter;

    public ResourceConditionCounterTests() => _counter = new ResourceConditionCounter<V1alpha1Cluster>("Cluster", new RuntimeMetrics(_registry));

    [Fact]
    public async Task Every_condition_series_exists_at_zero_before_the_first_object()
    {
        foreach (var condition in new[] { "Ready", "Reconciling", "Stalled" })
        {
            Assert.Equal(0, await CountAsync(condition, "True"));
            Assert.Equal(0, await CountAsync(condition, "False"));
        }
    }

    [Fact]
    public async Task An_object_moves_between_series_as_its_conditions_change_and_leaves_them_when_deleted()
    {
        var creating = Cluster("a", s => Conditions.MarkReconciling(s, 1, "Creating", "creating", Now));
        var ready = Cluster("a", s => Conditions.MarkReady(s, 1, "Synced", "in sync", Now));
        var stalled = Cluster("a", s => Conditions.MarkStalled(s, 2, "AccessDenied", "denied", Now));

        _counter.OnChange(new(InformerEventType.Added, creating));
        Assert.Equal(1, await CountAsync("Reconciling", "True"));
        Assert.Equal(1, await CountAsync("Ready", "False"));

        _counter.OnChange(new(InformerEventType.Updated, ready, creating));
        Assert.Equal(0, await CountAsync("Reconciling", "True"));
        Assert.Equal(0, await CountAsync("Ready", "False"));
        Assert.Equal(1, await CountAsync("Ready", "True"));

        _counter.OnChange(new(InformerEventType.Updated, stalled, ready));
        Assert.Equal(1, await CountAsync("Stalled", "True"));
        Assert.Equal(0, await CountAsync("Ready", "True"));

        _counter.OnChange(new(InformerEventType.Deleted, stalled, stalled));
        Assert.Equal(0, await CountAsync("Stalled", "True"));
        Assert.Equal(0, await CountAsync("Ready", "False"));
    }

    [Fact]
    public async Task Objects_are_counted_once_each_even_when_an_event_repeats()
    {
        var a = Cluster("a", s => Conditions.MarkReady(s, 1, "Synced", "in sync", Now));
        var b = Cluster("b", s => Conditions.MarkReady(s, 1, "Synced", "in sync", Now));

        _counter.OnChange(new(InformerEventType.Added, a));
        _counter.OnChange(new(InformerEventType.Added, b));
        _counter.OnChange(new(InformerEventType.Updated, a, a)); // a relist reports a known object again

        Assert.Equal(2, await CountAsync("Ready", "True"));
    }

    [Fact]
    public async Task A_counted_object_keeps_none_of_its_condition_strings_alive()
    {
        var conditionType = CountParsedCluster(_counter);

        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.False(conditionType.TryGetTarget(out _)); // the count refers to the shared "Ready", not the object's copy
        Assert.Equal(1, await CountAsync("Ready", "True"));
    }

    /// <summary>Counts a Cluster parsed from JSON, as the informer's are, and returns a weak reference to its Ready condition's type.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<string> CountParsedCluster(ResourceConditionCounter<V1alpha1Cluster> counter)
    {
        var parsed = KubernetesJson.Deserialize<V1alpha1Cluster>(KubernetesJson.Serialize(Cluster("a", s => Conditions.MarkReady(s, 1, "Synced", "in sync", Now))));
        counter.OnChange(new(InformerEventType.Added, parsed));
        var type = parsed.Status.Conditions.Single(c => c.Type == "Ready").Type;
        Assert.False(ReferenceEquals(type, string.IsInterned(type)));
        return new WeakReference<string>(type);
    }

    private static V1alpha1Cluster Cluster(string name, Action<ResourceStatus> status)
    {
        var obj = new V1alpha1Cluster { Metadata = new() { Name = name, NamespaceProperty = "team-a", Generation = 1 } };
        status(obj.Status);
        return obj;
    }

    private async Task<double> CountAsync(string condition, string status)
    {
        using var stream = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(stream, TestContext.Current.CancellationToken);
        var prefix = $"ecs_operator_resources{{kind=\"Cluster\",condition=\"{condition}\",status=\"{status}\"}} ";
        var line = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return double.Parse(line[prefix.Length..], CultureInfo.InvariantCulture);
    }
}

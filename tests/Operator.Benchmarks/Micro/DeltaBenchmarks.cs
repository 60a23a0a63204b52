using BenchmarkDotNet.Attributes;
using EcsOperator.Controllers.Cluster;
using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Controllers.TaskDefinition;
using EcsOperator.Entities;
using EcsOperator.Testing;
using Ecs = EcsOperator.Aws.Ecs.Model;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.Benchmarks;

/// <summary>Which side of the comparison a delta benchmark runs.</summary>
public enum DeltaCase
{
    /// <summary>Spec and AWS agree: the steady state, what every resync of every object computes.</summary>
    Equal,

    /// <summary>One field differs (changed in the console, or a spec edit for a TaskDefinition).</summary>
    OneFieldDrift,
}

/// <summary>
/// Every Delta of the operator, on the config/samples objects against AWS's answer for them. The equal case runs on
/// every resync of every object, so it must cost microseconds and few allocations; the setup checks that each input
/// gives the delta its case names (empty, or exactly one field), so a benchmark never measures the wrong path.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class DeltaBenchmarks
{
    private V1alpha1Cluster _cluster = new();
    private Dictionary<string, string> _clusterTags = [];
    private Ecs.Cluster _ecsCluster = new();
    private Dictionary<string, string> _awsTags = [];
    private DesiredService _service = null!;
    private Ecs.Service _ecsService = new();
    private Dictionary<string, string> _serviceTags = [];
    private ServiceStatus _serviceStatus = new();
    private TaskDefinitionSpec _taskDefinition = new();
    private string _registeredHash = string.Empty;
    private V1alpha1LoadBalancerBinding _binding = new();
    private Dictionary<string, string> _bindingTags = [];
    private Elb.TargetGroup _targetGroup = new();
    private Dictionary<string, string> _targetGroupAttributes = [];
    private Elb.Rule _rule = new();

    [Params(DeltaCase.Equal, DeltaCase.OneFieldDrift)]
    public DeltaCase Case { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var drift = Case == DeltaCase.OneFieldDrift;
        SetUpCluster(drift);
        SetUpService(drift);
        SetUpTaskDefinition(drift);
        SetUpBinding(drift);

        Expect("ClusterDelta", Cluster().Fields());
        Expect("ServiceDelta", Service().Fields);
        Expect("TaskDefinition spec hash", TaskDefinitionRevision() ? [] : ["spec"]);
        Expect("TargetGroupDelta", TargetGroup().Fields());
        var rule = ListenerRule();
        Expect("ListenerRuleDelta", new[] { (rule.Conditions, "conditions"), (rule.Action, "action"), (rule.Priority is not null, "priority") }.Where(f => f.Item1).Select(f => f.Item2));
        var tags = Tags();
        Expect("TagChanges", [.. tags.ToSet.Keys, .. tags.ToRemove]);
    }

    [Benchmark]
    public ClusterDelta Cluster() => ClusterDelta.Compute(_cluster, _clusterTags, _ecsCluster);

    [Benchmark]
    public ServiceDelta Service() => ServiceDelta.Compute(_service, _ecsService, _serviceTags, _serviceStatus);

    /// <summary>A TaskDefinition's delta: the spec's hash against the hash tag of the revision in use (true: nothing to register).</summary>
    [Benchmark]
    public bool TaskDefinitionRevision() => TaskDefinitionRequest.HashOf(_taskDefinition, "web") == _registeredHash;

    [Benchmark]
    public TargetGroupDelta TargetGroup() =>
        TargetGroupDelta.Compute(_binding.Spec.TargetGroup!, _targetGroup, _targetGroupAttributes, _bindingTags, _bindingTags, _binding.Spec.Tags?.Keys);

    [Benchmark]
    public ListenerRuleDelta ListenerRule() => ListenerRuleDelta.Compute(_binding.Spec.Listener!, TargetGroupArn, _rule);

    /// <summary>The tag part alone, which every kind's delta computes (the cluster's tags here).</summary>
    [Benchmark]
    public TagChanges Tags() => TagChanges.Compute(_clusterTags, _awsTags, _cluster.Status.AppliedTagKeys);

    private static string TargetGroupArn => SampleObjects.TargetGroupArn;

    private void SetUpCluster(bool drift)
    {
        _cluster = SampleObjects.Cluster();
        _cluster.Status.AppliedTagKeys = [.. _cluster.Spec.Tags!.Keys.Order(StringComparer.Ordinal)];
        _clusterTags = SampleObjects.DesiredTags(_cluster, _cluster.Spec.Tags);
        _ecsCluster = SampleObjects.EcsCluster(_cluster);
        _awsTags = AwsTags.ToDictionary(_ecsCluster.Tags);
        if (drift)
        {
            _awsTags["team"] = "console-edit";
            _ecsCluster.Settings = [new Ecs.ClusterSetting { Name = ClusterRequest.ContainerInsightsSetting, Value = "disabled" }];
        }
    }

    private void SetUpService(bool drift)
    {
        var obj = SampleObjects.Service();
        _ecsService = SampleObjects.EcsService(obj);
        _service = new DesiredService("web", SampleObjects.ClusterArn, _ecsService.TaskDefinition!, [.. _ecsService.LoadBalancers!], obj.Spec);
        _serviceTags = SampleObjects.DesiredTags(obj, obj.Spec.Tags);
        _serviceStatus = new ServiceStatus
        {
            ManagedLists = ServiceDelta.ManagedListsAfter(_service),
            AppliedTagKeys = [.. obj.Spec.Tags!.Keys],
        };
        if (drift)
        {
            _ecsService.DesiredCount = 5;
        }
    }

    private void SetUpTaskDefinition(bool drift)
    {
        var spec = SampleObjects.TaskDefinition().Spec;
        _registeredHash = TaskDefinitionRequest.HashOf(spec, "web");
        if (drift)
        {
            spec.ContainerDefinitions[0].Image = "public.ecr.aws/nginx/nginx:1.28";
        }

        _taskDefinition = spec;
    }

    private void SetUpBinding(bool drift)
    {
        _binding = SampleObjects.LoadBalancerBinding();
        _bindingTags = SampleObjects.DesiredTags(_binding, _binding.Spec.Tags);
        _targetGroup = AwsEchoes.TargetGroup(_binding.Spec.TargetGroup!, TargetGroupArn);
        _targetGroupAttributes = AwsEchoes.TargetGroupAttributes(_binding.Spec.TargetGroup!);
        _rule = AwsEchoes.Rule(_binding.Spec.Listener!, TargetGroupArn);
        if (drift)
        {
            _targetGroup.HealthCheckPath = "/old";
            _rule.Priority = "11";
        }
    }

    private void Expect(string delta, IEnumerable<string> fields)
    {
        var differing = fields.ToList();
        var expected = Case == DeltaCase.Equal ? 0 : 1;
        if (differing.Count != expected)
        {
            throw new InvalidOperationException($"{delta} in case {Case}: expected {expected} differing field(s), got [{string.Join(", ", differing)}]");
        }
    }
}

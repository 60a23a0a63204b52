using BenchmarkDotNet.Attributes;
using EcsOperator.Controllers.TaskDefinition;
using EcsOperator.Entities;
using EcsOperator.Testing;
using k8s;

namespace EcsOperator.Benchmarks;

/// <summary>
/// The per-reconcile cost of deciding "is this TaskDefinition already registered?": normalizing the spec and
/// hashing it runs on every resync of every TaskDefinition, so it must stay in the microseconds.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SpecHashBenchmarks
{
    private TaskDefinitionSpec _spec = new();

    [GlobalSetup]
    public void Setup()
    {
        var sample = RepositoryRoot.Combine("config", "samples", "taskdefinition.yaml");
        _spec = KubernetesYaml.Deserialize<V1alpha1TaskDefinition>(File.ReadAllText(sample)).Spec;
    }

    [Benchmark]
    public string HashSampleTaskDefinition() => TaskDefinitionRequest.HashOf(_spec, "web");
}

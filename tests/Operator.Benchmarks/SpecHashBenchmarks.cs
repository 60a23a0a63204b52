using BenchmarkDotNet.Attributes;
using EcsOperator.Controllers.TaskDefinition;
using EcsOperator.Entities;
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
        var sample = Path.Combine(RepositoryRoot(), "config", "samples", "taskdefinition.yaml");
        _spec = KubernetesYaml.Deserialize<V1alpha1TaskDefinition>(File.ReadAllText(sample)).Spec;
    }

    [Benchmark]
    public string HashSampleTaskDefinition() => TaskDefinitionRequest.HashOf(_spec, "web");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Operator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}

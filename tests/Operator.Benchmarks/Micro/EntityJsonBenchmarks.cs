using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Status;
using k8s;

namespace EcsOperator.Benchmarks;

/// <summary>
/// The JSON work per object that the runtime does with KubernetesJson, for each kind's config/samples object once
/// Ready: the informer turning a watch event's object into an entity, the cache's one clone per reconcile (serialize +
/// deserialize, without managedFields, which the cache strips), and the status writer's diff of an unchanged status
/// (the steady state: no patch).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class EntityJsonBenchmarks
{
    private IEntityJson _entity = null!;

    [Params("Cluster", "TaskDefinition", "Service", "LoadBalancerBinding")]
    public string Kind { get; set; } = "Cluster";

    [GlobalSetup]
    public void Setup()
    {
        _entity = Kind switch
        {
            "Cluster" => new EntityJson<V1alpha1Cluster>(WatchedObjects.Cluster()),
            "TaskDefinition" => new EntityJson<V1alpha1TaskDefinition>(WatchedObjects.TaskDefinition()),
            "Service" => new EntityJson<V1alpha1Service>(WatchedObjects.Service()),
            "LoadBalancerBinding" => new EntityJson<V1alpha1LoadBalancerBinding>(WatchedObjects.LoadBalancerBinding()),
            _ => throw new ArgumentException($"unknown kind {Kind}", nameof(Kind)),
        };
        if (_entity.UnchangedStatusPatch() is { } patch)
        {
            throw new InvalidOperationException($"{Kind}: an unchanged status gave the patch {patch.ToJsonString()}");
        }
    }

    [Benchmark]
    public object FromWatchEvent() => _entity.FromWatchEvent();

    [Benchmark]
    public object CacheClone() => _entity.CacheClone();

    [Benchmark]
    public JsonNode? UnchangedStatusPatch() => _entity.UnchangedStatusPatch();

    private interface IEntityJson
    {
        object FromWatchEvent();

        object CacheClone();

        JsonNode? UnchangedStatusPatch();
    }

    private sealed class EntityJson<TEntity> : IEntityJson
        where TEntity : class, IEcsResource
    {
        private readonly JsonElement _event;
        private readonly TEntity _cached;
        private readonly TEntity _reconciled;

        public EntityJson(JsonObject watched)
        {
            // The client hands the informer each event's object as a JsonElement (KubeClient.ToEntity).
            using var document = JsonDocument.Parse(watched.ToJsonString());
            _event = document.RootElement.Clone();
            _cached = KubernetesJson.Deserialize<TEntity>(_event);
            _cached.Metadata.ManagedFields = null;
            _reconciled = ObjectCache<TEntity>.Clone(_cached);
        }

        public object FromWatchEvent() => KubernetesJson.Deserialize<TEntity>(_event);

        public object CacheClone() => ObjectCache<TEntity>.Clone(_cached);

        public JsonNode? UnchangedStatusPatch() => StatusDiff.Create(_cached.ResourceStatus, _reconciled.ResourceStatus);
    }
}

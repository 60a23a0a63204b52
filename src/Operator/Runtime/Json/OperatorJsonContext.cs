using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EcsOperator.Entities;
using EcsOperator.Runtime.Client;
using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Json;

/// <summary>
/// Compile-time JSON metadata for every type the operator reads or writes that KubernetesClient's own source-generated
/// context does not know: the four kinds (with everything they reach), the raw list page, the watch events KubernetesClient reads, and the scalars a free-form
/// field holds. With it the operator needs no reflection-based serialization, which a native AOT build cannot run for
/// value types (docs/performance.md, memory). <see cref="KubernetesJsonSetup"/> puts it first in KubernetesJson's
/// resolver chain; <see cref="Controllers.Shared.WireShape"/> combines it with the AWS models' contexts.
/// The options mirror KubernetesJson's, so that fast-path serialization, where it applies, writes what the shared
/// options would.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(V1alpha1Cluster))]
[JsonSerializable(typeof(V1alpha1TaskDefinition))]
[JsonSerializable(typeof(V1alpha1Service))]
[JsonSerializable(typeof(V1alpha1LoadBalancerBinding))]
[JsonSerializable(typeof(KubeClient.ListShape))]
[JsonSerializable(typeof(Watcher<object>.WatchEvent))] // a custom object watch: each event's object stays raw
[JsonSerializable(typeof(Watcher<KubernetesObject>.WatchEvent))] // KubernetesClient reads every event's kind first
[JsonSerializable(typeof(Watcher<V1Status>.WatchEvent))] // and an ERROR event's status
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(JsonValue))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(object))]
internal sealed partial class OperatorJsonContext : JsonSerializerContext;

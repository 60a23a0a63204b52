using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Efs;
using EcsOperator.Runtime.Json;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// Spec types mirror the ECS API's own JSON names (DESIGN.md §3), so a spec piece becomes its AWS request shape by
/// a JSON round trip, with no field-by-field mapping to fall out of date when ECS adds a field.
/// </summary>
public static class WireShape
{
    /// <summary>The kinds' types and the AWS models are all known at compile time (no reflection, see OperatorJsonContext).</summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(OperatorJsonContext.Default, EcsJsonContext.Default, EfsJsonContext.Default),
    };

    private static readonly ConcurrentDictionary<Type, JsonTypeInfo> Shapes = new();

    /// <summary><paramref name="value"/> re-read as <typeparamref name="T"/>; null stays null.</summary>
    public static T? Convert<T>(object? value)
        where T : class =>
        value is null ? null : (T?)JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, ShapeOf(value)), Options.GetTypeInfo(typeof(T)));

    /// <summary>The JSON form of <paramref name="value"/>, for hashing and comparing.</summary>
    public static JsonNode? ToNode(object? value) =>
        value is null ? null : JsonSerializer.SerializeToNode(value, ShapeOf(value));

    /// <summary>
    /// The metadata to write <paramref name="value"/> with: its own type's, or, for a collection whose concrete type no
    /// context lists (a spec's <c>IList&lt;T&gt;</c> holds a <c>List&lt;T&gt;</c>), that of the list or map interface it
    /// was declared as (never IEnumerable, which would write a map as a list of pairs). Both write the same JSON.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = AotJustification.EntitiesKeptWhole)]
    private static JsonTypeInfo ShapeOf(object value) => Shapes.GetOrAdd(value.GetType(), static type =>
        Options.TryGetTypeInfo(type, out var info) ? info
        : type.GetInterfaces()
            .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IList<>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
            .Select(i => Options.TryGetTypeInfo(i, out var viaInterface) ? viaInterface : null)
            .FirstOrDefault(i => i is not null)
            ?? Options.GetTypeInfo(type));

    /// <summary>True when both values mean the same thing on the wire (key order, nulls and empty lists aside).</summary>
    public static bool Same(object? left, object? right) =>
        CanonicalJson.Sha256(ToNode(left)) == CanonicalJson.Sha256(ToNode(right));
}

/// <summary>
/// Compares a spec piece with what AWS reports, where AWS fills in defaults the spec leaves out: the spec is met when
/// every field it sets has the same value in AWS's answer. Arrays are compared whole (canonical, order kept).
/// </summary>
public static class WireSubset
{
    /// <summary>True when <paramref name="observed"/> has every value <paramref name="wanted"/> sets.</summary>
    public static bool Covers(object? observed, object? wanted) =>
        Covers(CanonicalJson.Canonicalize(WireShape.ToNode(observed)), CanonicalJson.Canonicalize(WireShape.ToNode(wanted)));

    private static bool Covers(System.Text.Json.Nodes.JsonNode? observed, System.Text.Json.Nodes.JsonNode? wanted) => (observed, wanted) switch
    {
        (_, null) => true,
        (null, _) => false,
        (System.Text.Json.Nodes.JsonObject o, System.Text.Json.Nodes.JsonObject w) => w.All(p => Covers(o[p.Key], p.Value)),
        _ => System.Text.Json.Nodes.JsonNode.DeepEquals(observed, wanted),
    };
}

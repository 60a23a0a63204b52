using System.Collections;
using System.Globalization;
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

    /// <summary><paramref name="value"/> re-read as <typeparamref name="T"/>; null stays null.</summary>
    public static T? Convert<T>(object? value)
        where T : class =>
        ToNode(value) is { } node ? (T?)JsonSerializer.Deserialize(node, Options.GetTypeInfo(typeof(T))) : null;

    /// <summary>
    /// The JSON form of <paramref name="value"/>, for hashing and comparing. A collection whose concrete type no context
    /// lists (a spec's <c>IList&lt;T&gt;</c> holds a <c>List&lt;T&gt;</c>) is written item by item, as the serializer
    /// would write it; a type missing from the contexts fails with its name.
    /// </summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        _ when Options.TryGetTypeInfo(value.GetType(), out var info) => JsonSerializer.SerializeToNode(value, info),
        IDictionary map => new JsonObject(map.Keys.Cast<object>().Select(key =>
            KeyValuePair.Create(System.Convert.ToString(key, CultureInfo.InvariantCulture)!, ToNode(map[key])))),
        IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(ToNode)]),
        _ => JsonSerializer.SerializeToNode(value, Options.GetTypeInfo(value.GetType())),
    };

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

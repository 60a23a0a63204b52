using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cel;
using EcsOperator.Crds;
using k8s.Models;

namespace EcsOperator.Tests.Crds;

/// <summary>One x-kubernetes-validations rule of a generated CRD and the schema node it sits on.</summary>
internal sealed record CelRule(string Kind, string Path, string Rule)
{
    public bool IsTransition => Rule.Contains("oldSelf", StringComparison.Ordinal);
}

/// <summary>
/// Collects every CEL rule from the generated CRDs and evaluates rules with the Cel package the way the API
/// server binds them: <c>self</c> is the node's value (and <c>oldSelf</c> its previous value on updates),
/// with JSON objects as maps, arrays as lists and integers as int64.
/// </summary>
internal static class CelRules
{
    private static readonly CelEnvironment Environment = new(null, null);
    private static readonly ConcurrentDictionary<string, Func<IDictionary<string, object?>, object?>> Compiled = new();

    public static IReadOnlyList<CelRule> All { get; } = Collect();

    public static object? Evaluate(string rule, string selfJson, string? oldSelfJson)
    {
        var program = Compiled.GetOrAdd(rule, text =>
        {
            var compiled = Environment.Compile(text);
            return variables => compiled(variables);
        });
        var variables = new Dictionary<string, object?> { ["self"] = ToCel(JsonNode.Parse(selfJson)) };
        if (oldSelfJson is not null)
        {
            variables["oldSelf"] = ToCel(JsonNode.Parse(oldSelfJson));
        }

        return program(variables);
    }

    private static List<CelRule> Collect()
    {
        var rules = new List<CelRule>();
        foreach (var crd in CrdWriter.Build())
        {
            Walk(crd.Spec.Names.Kind, crd.Spec.Versions[0].Schema.OpenAPIV3Schema, "", rules);
        }

        return rules;
    }

    private static void Walk(string kind, V1JSONSchemaProps node, string path, List<CelRule> rules)
    {
        rules.AddRange((node.XKubernetesValidations ?? []).Select(rule => new CelRule(kind, path == "" ? "." : path, rule.Rule)));
        foreach (var (name, child) in node.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
        {
            Walk(kind, child, $"{path}.{name}", rules);
        }

        if (node.Items is V1JSONSchemaProps items)
        {
            Walk(kind, items, path + "[]", rules);
        }

        if (node.AdditionalProperties is V1JSONSchemaProps values)
        {
            Walk(kind, values, path + "{}", rules);
        }
    }

    private static object? ToCel(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(pair => pair.Key, pair => ToCel(pair.Value)),
        JsonArray array => array.Select(ToCel).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetValue<long>(out var number) => number,
            JsonValueKind.Number => value.GetValue<double>(),
            var kind => throw new NotSupportedException(kind.ToString()),
        },
        _ => throw new NotSupportedException(node.GetType().Name),
    };
}

using EcsOperator.Crds;
using k8s.Models;
using Xunit;

namespace EcsOperator.ReliabilityTests.HostileInput;

/// <summary>
/// LocalKube, like a server without CEL, never evaluates x-kubernetes-validations. Every non-transition CEL rule of
/// the CRDs has a case in tests/cases/invalid that breaks it and expects InvalidSpec; HostileInputTests runs those
/// cases against LocalKube, so the operator's own check is what catches each one. Transition rules (oldSelf: the
/// immutable names) are caught by the reconcile template's ImmutableFieldChanged check instead.
/// </summary>
public sealed class CelCoverageTests
{
    [Fact]
    public void Every_cel_rule_has_a_case_the_operator_must_stall_as_invalid_spec()
    {
        var cases = InvalidCase.LoadAll();
        var covered = cases.Where(c => c.CelRule is not null).ToLookup(c => c.CelRule!, StringComparer.Ordinal);
        var rules = CrdWriter.Build().SelectMany(crd => Rules(crd.Spec.Versions[0].Schema.OpenAPIV3Schema)).Distinct().ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules.Where(rule => !rule.Contains("oldSelf", StringComparison.Ordinal)), rule =>
        {
            Assert.True(covered.Contains(rule), $"no case in tests/cases/invalid says '# cel: {rule}'");
            Assert.All(covered[rule], c => Assert.Equal(Outcome.InvalidSpec, c.Outcome));
        });
        Assert.All(covered, group => Assert.Contains(group.Key, rules));
    }

    private static IEnumerable<string> Rules(V1JSONSchemaProps node)
    {
        var own = (node.XKubernetesValidations ?? []).Select(v => v.Rule);
        var children = (node.Properties?.Values ?? Enumerable.Empty<V1JSONSchemaProps>())
            .Concat(node.Items is V1JSONSchemaProps items ? [items] : [])
            .Concat(node.AdditionalProperties is V1JSONSchemaProps values ? [values] : []);
        return own.Concat(children.SelectMany(Rules));
    }
}

using Xunit;

namespace EcsOperator.Tests.Crds;

/// <summary>
/// Every x-kubernetes-validations rule compiles and decides valid and invalid objects correctly with the Cel
/// package (0.3.3). One broken rule would make the CRDs uninstallable on every real cluster, and no API server
/// runs here. The Cel package parsed every rule as Kubernetes writes it, so no rule had to be simplified for it;
/// the rules stick to has(), ternaries, size(), startsWith() and map all(), which both implementations share.
/// One difference was found: has() on a present but empty object is false in the Cel package and true in
/// Kubernetes; the rules do not depend on it and <see cref="CelRuleCases"/> avoids it.
/// </summary>
public sealed class CelRuleTests
{
    public static TheoryData<string> CaseNames => new(CelRuleCases.All.Select(@case => @case.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Rule_accepts_valid_and_rejects_invalid_objects(string caseName)
    {
        var @case = CelRuleCases.All.Single(candidate => candidate.Name == caseName);
        var rule = Assert.Single(CelRules.All.Select(r => r.Rule).Distinct(), r => r.Contains(@case.RuleFragment, StringComparison.Ordinal));

        var result = CelRules.Evaluate(rule, @case.Self, @case.OldSelf);

        Assert.Equal(@case.Accepted, Assert.IsType<bool>(result));
    }

    [Fact]
    public void Every_rule_in_the_crds_has_an_accepted_and_a_rejected_case()
    {
        var untested = CelRules.All
            .Where(rule => !Outcomes(rule.Rule).SetEquals([true, false]))
            .Select(rule => $"{rule.Kind} {rule.Path}: {rule.Rule}")
            .ToList();

        Assert.True(untested.Count == 0, "Rules without both outcomes tested:\n" + string.Join('\n', untested));
    }

    [Fact]
    public void Transition_rules_are_tested_with_an_old_object()
    {
        var transitions = CelRules.All.Where(rule => rule.IsTransition).Select(rule => rule.Rule).Distinct().ToList();

        Assert.Equal(3, transitions.Count);
        Assert.All(transitions, rule => Assert.All(CasesOf(rule), @case => Assert.NotNull(@case.OldSelf)));
    }

    [Fact]
    public void Immutability_rules_sit_at_the_root_where_metadata_name_is_visible()
    {
        Assert.All(CelRules.All.Where(rule => rule.IsTransition), rule => Assert.Equal(".", rule.Path));
    }

    [Fact]
    public void A_rule_that_does_not_parse_is_reported()
    {
        Assert.ThrowsAny<Exception>(() => CelRules.Evaluate("has(self.a) &&", "{}", null));
    }

    private static HashSet<bool> Outcomes(string rule) => CasesOf(rule).Select(@case => @case.Accepted).ToHashSet();

    private static IEnumerable<CelRuleCase> CasesOf(string rule) =>
        CelRuleCases.All.Where(@case => rule.Contains(@case.RuleFragment, StringComparison.Ordinal));
}

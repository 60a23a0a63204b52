using System.Diagnostics;
using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.ReliabilityTests.HostileInput;

/// <summary>
/// Issue 14 scenario 5: every manifest in tests/cases/invalid, applied with the real kubectl to LocalKube (which, like
/// a server without CEL, checks the structural schema but evaluates no x-kubernetes-validations rule) while the
/// operator runs. Each one is refused by kubectl with the usual message, or Stalled/InvalidSpec naming its field (or,
/// for a reference to an object that does not exist yet, waiting with DependencyNotReady); none reaches AWS; and a
/// valid Cluster applied while they are all re-reconciled becomes Ready in normal time.
/// </summary>
public sealed class HostileInputTests(OperatorStack stack) : IClassFixture<OperatorStack>
{
    /// <summary>
    /// "Normal time" is measured, not assumed: a valid Cluster applied alone in the same namespace, once every invalid
    /// object has settled, is the yardstick; the one applied while all of them are re-reconciled may take 3 times as
    /// long plus this slack (a lone Cluster takes about 1 s on an idle machine, and the suite's other classes load
    /// the 2 CI cores unevenly).
    /// </summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(20);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_invalid_manifest_is_refused_or_stalled_naming_its_field_and_none_reaches_aws()
    {
        var kubectl = new Kubectl(stack.Kube?.Kubeconfig.Path ?? Environment.GetEnvironmentVariable(OperatorStack.RealClusterVariable)!);
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("hostile"));
        var cases = InvalidCase.LoadAll();
        var failures = new List<string>();
        foreach (var c in cases)
        {
            failures.AddRange(await ApplyAsync(kubectl, ns, c));
        }

        var pending = cases.Where(c => c.Outcome != Outcome.Schema).ToList();
        failures.AddRange(await WaitForOutcomesAsync(ns, pending));
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases failed:\n{string.Join("\n", failures)}");
        Assert.Equal(0, stack.Proxy.Stats.TotalCalls());

        var alone = await ValidClusterAsync(ns, "valid-alone", Task.CompletedTask);
        var alongside = await ValidClusterAlongsideAsync(kubectl, ns);
        var bound = (alone * 3) + Slack;
        var figures = $"{cases.Count} cases ({pending.Count} reached the operator); a valid Cluster was Ready in {alone.TotalSeconds:F1} s alone and in {alongside.TotalSeconds:F1} s alongside them (bound {bound.TotalSeconds:F1} s)";
        TestContext.Current.SendDiagnosticMessage(figures);
        Assert.True(alongside <= bound, figures);
        Assert.Equal(2, stack.Proxy.Stats.For("ecs", "CreateCluster").Calls);
        string[] untouched = ["RegisterTaskDefinition", "CreateService", "DescribeServices", "ListTaskDefinitions"];
        Assert.All(untouched, op => Assert.Equal(0, stack.Proxy.Stats.For("ecs", op).Calls));
        Assert.Equal(0, stack.Proxy.Stats.TotalCalls("elbv2") + stack.Proxy.Stats.TotalCalls("iam") + stack.Proxy.Stats.TotalCalls("efs"));
        failures.AddRange(await WaitForOutcomesAsync(ns, pending));
        Assert.Empty(failures);
    }

    [Fact]
    public void The_suite_has_at_least_60_cases_each_with_a_readable_expectation()
    {
        var cases = InvalidCase.LoadAll();

        Assert.True(cases.Count >= 60, $"only {cases.Count} cases");
        Assert.All(cases, c =>
        {
            Assert.False(string.IsNullOrEmpty(c.Name), $"{c.File} has no metadata.name");
            Assert.Contains(c.Kind, InvalidCase.PluralByKind.Keys);
            Assert.True(c.Outcome == Outcome.Schema || c.Expected.Length > 0, $"{c.File} must say which field the message names");
        });
    }

    private static async Task<IEnumerable<string>> ApplyAsync(Kubectl kubectl, string ns, InvalidCase c)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{ns}-{c.File}");
        await File.WriteAllTextAsync(path, c.Manifest, Token);
        try
        {
            var result = await kubectl.RunAsync(["apply", "-n", ns, "-f", path], cancellationToken: Token);
            var output = result.StdOut + result.StdErr;
            return (c.Outcome, result.ExitCode) switch
            {
                (Outcome.Schema, 0) => [$"{c.File}: kubectl accepted it; expected a refusal containing '{c.Expected}'"],
                (Outcome.Schema, _) when !output.Contains(c.Expected, StringComparison.Ordinal) => [$"{c.File}: kubectl refused it without '{c.Expected}': {Cut(output)}"],
                (not Outcome.Schema, not 0) => [$"{c.File}: kubectl refused it, the operator should have judged it: {Cut(output)}"],
                _ => [],
            };
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<IEnumerable<string>> WaitForOutcomesAsync(string ns, IReadOnlyList<InvalidCase> cases)
    {
        var last = new Dictionary<InvalidCase, string?>();
        await Eventually.TrueAsync(
            async () =>
            {
                foreach (var c in cases.Where(c => !last.TryGetValue(c, out var shown) || shown is not null))
                {
                    last[c] = await CaseStatus.MismatchAsync(stack.Objects.Client, ns, c, Token);
                }

                return last.Values.All(shown => shown is null);
            },
            KubeObjects.DefaultTimeout,
            TimeSpan.FromMilliseconds(500));
        return last.Where(pair => pair.Value is not null).Select(pair => $"{pair.Key.File}: expected {pair.Key.Outcome} '{pair.Key.Expected}', got {pair.Value}");
    }

    /// <summary>Re-triggers every invalid object (an annotation) and applies a valid Cluster at the same moment.</summary>
    private Task<TimeSpan> ValidClusterAlongsideAsync(Kubectl kubectl, string ns)
    {
        var pokes = InvalidCase.PluralByKind.Values.Select(plural => kubectl.RunAsync(
            ["annotate", $"{plural}.{EntityGroup.Group}", "--all", "-n", ns, "reliability.test/poke=1", "--overwrite"], cancellationToken: Token));
        return ValidClusterAsync(ns, "valid-alongside", Task.WhenAll(pokes));
    }

    /// <summary>Applies a valid Cluster while <paramref name="alongside"/> runs; the time until it is Ready.</summary>
    private async Task<TimeSpan> ValidClusterAsync(string ns, string name, Task alongside)
    {
        var clock = Stopwatch.StartNew();
        var cluster = stack.Objects.CreateAsync(new V1alpha1Cluster
        {
            Metadata = new() { Name = name, NamespaceProperty = ns },
            Spec = new ClusterSpec { ClusterName = TestNames.Unique("hostile-ok"), CapacityProviders = ["FARGATE"] },
        });
        await Task.WhenAll(alongside, cluster);
        await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, name, KubeObjects.DefaultTimeout);
        return clock.Elapsed;
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "..." : text.Trim();
}

using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Operations;

/// <summary>The chart's alert rules, checked and unit-tested by promtool (Debian's prometheus package).</summary>
public sealed class PrometheusRuleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Alert_rules_pass_promtool_check_rules()
    {
        var run = await ProcessRunner.RunAsync(DebianTools.RequirePromtool(), ["check", "rules", MonitoringFiles.Rules], cancellationToken: Ct);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("SUCCESS: 5 rules found", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_alert_fires_on_a_series_that_should_page_and_stays_quiet_on_one_that_should_not()
    {
        var run = await ProcessRunner.RunAsync(DebianTools.RequirePromtool(), ["test", "rules", MonitoringFiles.RuleTests], cancellationToken: Ct);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("SUCCESS", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_alert_has_a_promtool_unit_test()
    {
        var tested = File.ReadAllText(MonitoringFiles.RuleTests);

        Assert.All(MonitoringFiles.AlertQueries(), alert => Assert.Contains($"alertname: {alert.Alert}\n", tested, StringComparison.Ordinal));
    }
}

using AwsFaultProxy;
using EcsOperator.Entities;
using EcsOperator.ReliabilityTests.Harness;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.ReliabilityTests.Secrets;

/// <summary>
/// Scenario 8: the operator logs names, never values. A stack is created, its environment changed, and deleted, with
/// the operator at Debug level and AWS errors injected (error paths are where request bodies tend to be logged);
/// then every log line, Event and status is searched for the environment values and the AWS credentials.
/// </summary>
public sealed class SecretsHygieneTests(ITestOutputHelper output)
{
    [Fact]
    public void The_scan_finds_a_planted_value_and_masks_it()
    {
        var leaks = SecretsScan.Leaks([("log", "{\"msg\":\"env PLAIN=hunter2-planted\"}"), ("event", "Created: ok")], ["hunter2-planted"]);

        var leak = Assert.Single(leaks);
        Assert.StartsWith("log contains hunt…", leak, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_log_line_event_or_status_carries_an_environment_value_or_a_credential()
    {
        ExternalTools.RequireMoto();
        var run = ReliabilityRun.FromEnvironment();
        ReliabilityReport.Line(output, $"secrets hygiene: {run}");
        await using var aws = await ReliabilityStack.StartAsync(run);
        var stack = new TwelveObjectStack(TestNames.Unique("secrets"), aws.Seed, services: 2, bindings: 1);
        var scan = new SecretsScan(aws, stack);
        aws.Proxy.Rules.Add(FaultRule.ServerError("*", "Create*,Register*,Update*,Modify*", 500) with { Probability = 0.3 });
        aws.StartOperator();

        await stack.CreateAsync(aws.Objects);
        await Convergence.ReadyAsync(aws.Objects, stack, TimeSpan.FromSeconds(120), "create", run, aws.LogLines);
        await scan.CaptureStatusesAsync();

        await aws.Objects.UpdateAsync<V1alpha1TaskDefinition>(stack.Namespace, "t0", td => td.Spec.ContainerDefinitions[0].Environment![0].Value = stack.EnvironmentValues[1] + "-changed");
        await Convergence.ReadyAsync(aws.Objects, stack, TimeSpan.FromSeconds(120), "update", run, aws.LogLines);
        await scan.CaptureStatusesAsync();

        await stack.DeleteAsync(aws.Objects);
        await Convergence.GoneAsync(aws.Objects, stack, TimeSpan.FromSeconds(120), run, aws.LogLines);

        var surfaces = await scan.SurfacesAsync();
        ReliabilityReport.Line(output, $"scanned: {surfaces.Count(s => s.Where == "log")} log lines, {surfaces.Count(s => s.Where == "event")} events, {scan.StatusesCaptured} statuses for {scan.SecretValues.Count} values");
        await scan.AssertNoLeaksAsync(run);
    }
}

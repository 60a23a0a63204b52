using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Image;
using EcsOperator.IntegrationTests.Runtime;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Operations;

/// <summary>
/// The Grafana dashboard and the alert rules query only metrics that the operator really exports: checked against a
/// live /metrics scrape of the published operator (the image's exact build, run as the image runs) after it has
/// reconciled a Cluster, so that the AWS and condition series exist.
/// </summary>
public sealed class DashboardMetricsTests(SandboxedOperator stack) : IClassFixture<SandboxedOperator>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_dashboard_shows_conditions_reconciles_aws_calls_throttles_and_queue_depth()
    {
        var queried = MonitoringFiles.DashboardQueries().SelectMany(q => PromQl.MetricNames(q.Expression)).ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "ecs_operator_resources",
                "controller_runtime_reconcile_total",
                "controller_runtime_reconcile_time_seconds_bucket",
                "ecs_operator_aws_requests_total",
                "ecs_operator_aws_budget_wait_seconds_bucket",
                "workqueue_depth",
            },
            queried);
        Assert.Contains(MonitoringFiles.DashboardQueries(), q => q.Expression.Contains("ecs_operator_aws_requests_total{code=~\"Throttl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_metric_the_dashboard_and_the_alerts_query_is_exported_by_the_running_operator()
    {
        var sandbox = await stack.StartedAsync();
        var ns = await sandbox.Objects.CreateNamespaceAsync(TestNames.Unique("dash"));
        await sandbox.Objects.CreateAsync(new V1alpha1Cluster
        {
            Metadata = new() { Name = "demo", NamespaceProperty = ns },
            Spec = new ClusterSpec { ClusterName = TestNames.Unique("dash") },
        });
        await sandbox.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "demo");
        using var http = SandboxedOperator.MetricsClient();
        var scrape = "";
        Assert.True(
            await Eventually.TrueAsync(async () =>
            {
                scrape = await http.GetStringAsync(new Uri(sandbox.MetricsAddress, "/metrics"), Ct);
                return PrometheusText.Value(scrape, "ecs_operator_resources", ("kind", "Cluster"), ("condition", "Ready"), ("status", "True")) >= 1;
            }),
            "the Ready Cluster never showed in ecs_operator_resources:\n" + scrape);

        var exported = PromQl.ExportedNames(scrape);
        var queries = MonitoringFiles.DashboardQueries().Select(q => ("panel " + q.Panel, q.Expression))
            .Concat(MonitoringFiles.AlertQueries().Select(a => ("alert " + a.Alert, a.Expression)));

        var unknown = queries.SelectMany(q => PromQl.MetricNames(q.Item2).Where(name => !exported.Contains(name)).Select(name => $"{q.Item1}: {name}")).ToList();
        Assert.True(unknown.Count == 0, "queried but not exported:\n" + string.Join('\n', unknown) + "\n\nexported:\n" + string.Join('\n', exported.Order()));
    }
}

using System.Net;
using EcsOperator.Runtime;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Runtime;

public sealed class ProbeAndMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readyz_is_503_until_the_caches_have_synced_and_200_after()
    {
        await using var kube = await RuntimeKube.StartAsync(installCrd: false);
        await using var op = new OperatorInstance(kube, Options(), (_, _, _, _, _) => Task.FromResult(ReconcileResult.Done));
        await op.StartAsync();
        using var http = new HttpClient();
        var health = op.Host.HealthAddress!;

        // The CRD is not installed yet, so the informer cannot list: alive, but not ready.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(health, "/healthz"), Ct)).StatusCode);
        Assert.False(op.Informer.HasSynced); // cannot list without the CRD: ready would be a lie
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri(health, "/readyz"), Ct)).StatusCode);

        await kube.InstallCrdAsync();

        Assert.True(await Eventually.TrueAsync(async () => (await http.GetAsync(new Uri(health, "/readyz"), Ct)).StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Readyz_turns_503_when_the_api_server_stops_answering()
    {
        var kube = await RuntimeKube.StartAsync();
        await using var op = new OperatorInstance(kube, Options(), (_, _, _, _, _) => Task.FromResult(ReconcileResult.Done));
        await op.StartAsync();
        using var http = new HttpClient();
        var readyz = new Uri(op.Host.HealthAddress!, "/readyz");
        Assert.True(await Eventually.TrueAsync(async () => (await http.GetAsync(readyz, Ct)).StatusCode == HttpStatusCode.OK));

        await kube.DisposeAsync();

        Assert.True(await Eventually.TrueAsync(async () => (await http.GetAsync(readyz, Ct)).StatusCode == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(op.Host.HealthAddress!, "/healthz"), Ct)).StatusCode);
    }

    [Fact]
    public async Task Metrics_show_every_controller_runtime_series_with_plausible_values_after_a_few_reconciles()
    {
        await using var kube = await RuntimeKube.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await kube.CreateAsync($"w{i}");
        }

        var options = Options();
        options.LeaderElection = new LeaderElectionOptions
        {
            Enabled = true,
            Id = TestNames.Unique("lease"),
            Namespace = kube.Namespace,
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(500),
        };
        await using var op = new OperatorInstance(kube, options, (_, _, _, _, _) => Task.FromResult(ReconcileResult.Done));
        await op.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => op.Reconciles >= 3));
        using var http = new HttpClient();

        var text = await http.GetStringAsync(new Uri(op.Host.MetricsAddress!, "/metrics"), Ct);

        var c = ("controller", "widget");
        Assert.True(PrometheusText.Value(text, "controller_runtime_reconcile_total", c, ("result", "success")) >= 3, text);
        Assert.Equal(0, PrometheusText.Value(text, "controller_runtime_reconcile_errors_total", c));
        Assert.True(PrometheusText.Value(text, "controller_runtime_reconcile_time_seconds_count", c) >= 3);
        Assert.Equal(2, PrometheusText.Value(text, "controller_runtime_max_concurrent_reconciles", c));
        Assert.InRange(PrometheusText.Value(text, "controller_runtime_active_workers", c) ?? -1, 0, 2);
        Assert.InRange(PrometheusText.Value(text, "workqueue_depth", c) ?? -1, 0, 3);
        Assert.True(PrometheusText.Value(text, "workqueue_adds_total", c) >= 3);
        Assert.True(PrometheusText.Value(text, "workqueue_queue_duration_seconds_count", c) >= 3);
        Assert.True(PrometheusText.Value(text, "workqueue_work_duration_seconds_count", c) >= 3);
        Assert.Equal(0, PrometheusText.Value(text, "workqueue_retries_total", c));
        Assert.InRange(PrometheusText.Value(text, "workqueue_longest_running_processor_seconds", c) ?? -1, 0, 60);
        Assert.InRange(PrometheusText.Value(text, "workqueue_unfinished_work_seconds", c) ?? -1, 0, 60);
        Assert.Equal(1, PrometheusText.Value(text, "leader_election_master_status", ("name", options.LeaderElection.Id)));
    }

    private static OperatorRuntimeOptions Options() => new()
    {
        MetricsBindAddress = "127.0.0.1:0",
        MetricsSecure = false,
        HealthProbeBindAddress = "127.0.0.1:0",
    };
}

using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Controller;
using EcsOperator.Runtime.LeaderElection;
using EcsOperator.Runtime.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Runtime;

/// <summary>
/// Runs the runtime inside the generic host: informers start at once (caches warm while not leader), workers run
/// only while leading, the periodic resync (<see cref="PeriodicResync"/>) sweeps every controller once per period, and /metrics, /healthz, /readyz are served.
/// Stopping drains in-flight reconciles (up to the shutdown timeout), then releases the lease.
/// </summary>
public sealed class ControllerRuntimeHost(
    IEnumerable<IInformer> informers,
    IEnumerable<IController> controllers,
    LeaderElectionRunner election,
    OperatorRuntimeOptions options,
    RuntimeMetrics metrics,
    MetricsAccess metricsAccess,
    TimeProvider time,
    ILogger<ControllerRuntimeHost> logger) : IHostedService, IAsyncDisposable
{
    private readonly IReadOnlyList<IInformer> _informers = [.. informers];
    private readonly IReadOnlyList<IController> _controllers = [.. controllers];
    private readonly CancellationTokenSource _informersStop = new();
    private readonly CancellationTokenSource _leadershipStop = new();
    private Task _informerLoops = Task.CompletedTask;
    private Task _main = Task.CompletedTask;
    private HttpEndpoint? _metricsEndpoint;
    private HttpEndpoint? _healthEndpoint;

    /// <summary>True once every informer has listed its kind, while the API server keeps answering.</summary>
    public bool IsReady => _informers.All(i => i.IsConnected);

    public Uri? MetricsAddress => _metricsEndpoint?.Address;

    public Uri? HealthAddress => _healthEndpoint?.Address;

    public bool IsLeader => !options.LeaderElection.Enabled || election.IsLeader;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _metricsEndpoint = await StartMetricsAsync(cancellationToken);
        _healthEndpoint = await StartEndpointAsync("health probes", options.HealthProbeBindAddress, routes => ProbeEndpoints.MapHealth(routes, () => IsReady), cancellationToken);
        LogServing("metrics", _metricsEndpoint);
        LogServing("health probes", _healthEndpoint);
        _informerLoops = Task.WhenAll(_informers.Select(i => Task.Run(() => i.RunAsync(_informersStop.Token), CancellationToken.None)));
        _main = Task.Run(() => RunAsync(_leadershipStop.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // 1. Stop taking work and let in-flight reconciles finish, up to the deadline.
        var drained = await Task.WhenAll(_controllers.Select(c => c.ShutDownAsync(options.ShutdownTimeout)));
        foreach (var (controller, finished) in _controllers.Zip(drained))
        {
            if (!finished)
            {
                Log.DrainTimedOut(logger, controller.Name);
            }
        }

        // 2. Cancel what is left, leave the election and release the lease.
        await _leadershipStop.CancelAsync();
        await _main.ContinueWith(_ => { }, TaskScheduler.Default);

        // 3. Stop watching and serving.
        await _informersStop.CancelAsync();
        await _informerLoops.ContinueWith(_ => { }, TaskScheduler.Default);
        await DisposeEndpointsAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeEndpointsAsync();
        _informersStop.Dispose();
        _leadershipStop.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await Task.WhenAll(_informers.Select(i => i.WaitForSyncAsync(stopping)));
            var resync = Task.Run(() => new PeriodicResync(options.ResyncPeriod, time, logger).RunAsync(_controllers, stopping), CancellationToken.None);
            if (options.LeaderElection.Enabled)
            {
                await election.RunAsync(RunControllersAsync, stopping);
            }
            else
            {
                await RunControllersAsync(stopping);
            }

            await resync;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private Task RunControllersAsync(CancellationToken leading)
    {
        // A new leader looks at everything once: it cannot know what the previous leader left half-done.
        foreach (var controller in _controllers)
        {
            controller.EnqueueAll();
        }

        return Task.WhenAll(_controllers.Select(c => c.RunWorkersAsync(options.Workers, leading)));
    }

    private async Task<HttpEndpoint?> StartMetricsAsync(CancellationToken cancellationToken)
    {
        if (!options.MetricsSecure)
        {
            return await StartEndpointAsync("metrics", options.MetricsBindAddress, routes => ProbeEndpoints.MapMetrics(routes, metrics.Registry), cancellationToken);
        }

        // Kestrel keeps using the certificate for the endpoint's life; it goes when the process does.
        var certificate = HttpEndpoint.ToUrl(options.MetricsBindAddress) is null ? null : MetricsCertificate.Load(options.MetricsCertPath);
        return await StartEndpointAsync("metrics", options.MetricsBindAddress, routes => ProbeEndpoints.MapMetrics(routes, metrics.Registry, metricsAccess), cancellationToken, certificate);
    }

    private static async Task<HttpEndpoint?> StartEndpointAsync(string what, string bindAddress, Action<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder> map, CancellationToken cancellationToken, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null)
    {
        try
        {
            return await HttpEndpoint.StartAsync(bindAddress, map, cancellationToken, certificate);
        }
        catch (EndpointBindException e)
        {
            throw new EndpointBindException($"{what} endpoint: {e.Message}", e.InnerException!);
        }
    }

    private void LogServing(string what, HttpEndpoint? endpoint)
    {
        if (endpoint is not null)
        {
            Log.Serving(logger, what, endpoint.Address);
        }
    }

    private async Task DisposeEndpointsAsync()
    {
        if (_metricsEndpoint is not null)
        {
            await _metricsEndpoint.DisposeAsync();
            _metricsEndpoint = null;
        }

        if (_healthEndpoint is not null)
        {
            await _healthEndpoint.DisposeAsync();
            _healthEndpoint = null;
        }
    }
}

using System.Net;
using AwsFaultProxy.Ecs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsFaultProxy;

/// <summary>
/// A loopback HTTP proxy in front of an AWS endpoint (moto) that injects faults by rule and counts calls.
/// <code>
/// await using var proxy = await FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint, Seed = 42 });
/// proxy.Rules.Add(FaultRule.Throttle("ecs", "*", probability: 0.5));
/// // point the client at proxy.Endpoint, then:
/// var calls = proxy.Stats.For("ecs", "CreateCluster").Calls;
/// </code>
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly UpstreamForwarder _forwarder;

    private FaultProxy(WebApplication app, UpstreamForwarder forwarder, FaultRules rules, ProxyStats stats, ResponseHolds holds, Uri upstream, int seed)
    {
        _app = app;
        _forwarder = forwarder;
        Rules = rules;
        Stats = stats;
        Holds = holds;
        Upstream = upstream;
        Seed = seed;
    }

    /// <summary>The proxy's address, <c>http://127.0.0.1:&lt;port&gt;</c>: use it as the AWS endpoint URL.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public Uri Upstream { get; }

    /// <summary>The seed in use (the one given, or the random one picked): log it to replay a run.</summary>
    public int Seed { get; }

    public FaultRules Rules { get; }

    public ProxyStats Stats { get; }

    /// <summary>Every AWS action (service:Action) forwarded or answered, never truncated: the IAM least-privilege record.</summary>
    public ActionRecord Actions { get; private init; } = null!;

    /// <summary>Answers held by <see cref="FaultKind.HoldResponse"/> rules: wait for them, and release them.</summary>
    public ResponseHolds Holds { get; }

    public static async Task<FaultProxy> StartAsync(FaultProxyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var upstream = options.Upstream ?? throw new ArgumentException("FaultProxyOptions.Upstream is required", nameof(options));
        var seed = options.Seed ?? Random.Shared.Next();
        var rules = new FaultRules(seed);
        rules.Replace(options.Rules);
        var stats = new ProxyStats(seed);
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<FaultProxy>();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var forwarder = new UpstreamForwarder(upstream, options.UpstreamTimeout, options.PreserveHost);
        var ecsFront = options.EcsScheduler ? new EcsFront(forwarder, options.TimeProvider, options.EcsSchedulerDelay) : null;
        var holds = new ResponseHolds();
        var actions = new ActionRecord(options.ActionLogPath);
        var handler = new ProxyHandler(rules, stats, holds, forwarder, ecsFront, upstream, logger, actions, app.Lifetime.ApplicationStopping);
        var control = new ControlEndpoints(rules, stats, holds, logger);
        app.Run(context => context.Request.Path.StartsWithSegments(ControlEndpoints.Prefix, StringComparison.Ordinal)
            ? control.HandleAsync(context)
            : handler.HandleAsync(context));

        var proxy = new FaultProxy(app, forwarder, rules, stats, holds, upstream, seed) { Actions = actions };
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        proxy.Endpoint = new Uri(address);
        Log.Listening(logger, proxy.Endpoint, upstream, seed);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        Holds.Release();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(stop.Token);
        }

        await _app.DisposeAsync();
        _forwarder.Dispose();
    }
}

using Microsoft.Extensions.Logging;

namespace AwsFaultProxy;

/// <summary>How to start a <see cref="FaultProxy"/>.</summary>
public sealed class FaultProxyOptions
{
    /// <summary>Where calls go, e.g. moto's <c>http://127.0.0.1:5000</c>. Required.</summary>
    public Uri? Upstream { get; set; }

    /// <summary>Seed for every probabilistic rule; the same seed replays the same faults. Random when null.</summary>
    public int? Seed { get; set; }

    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Send the client's Host header (the proxy's host:port) upstream instead of the upstream's. SigV4 signs
    /// Host, so this keeps signatures valid for an upstream that verifies them (moto with
    /// INITIAL_NO_AUTH_ACTION_COUNT), as long as it does not route by Host. Paged calls still change the body.
    /// </summary>
    public bool PreserveHost { get; set; }

    /// <summary>Rules installed before the first call.</summary>
    public IList<FaultRule> Rules { get; } = [];

    /// <summary>How long one upstream request may take.</summary>
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Switches on the ECS services front: the proxy answers the ECS service operations from its own state as ECS
    /// does (deployments progress, runningCount follows desiredCount, <c>crashloop</c> images fail) instead of moto.
    /// See docs/emulators.md.
    /// </summary>
    public bool EcsScheduler { get; set; }

    /// <summary>How long each step of the emulated ECS scheduler takes (tasks starting, draining, a service going INACTIVE).</summary>
    public TimeSpan EcsSchedulerDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock of the ECS scheduler; a FakeTimeProvider makes its timing testable without sleeps.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the proxy logs; silent when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Where <see cref="FaultProxy.Actions"/> appends each new action; null reads <see cref="ActionRecord.PathVariable"/>.</summary>
    public string? ActionLogPath { get; set; } = Environment.GetEnvironmentVariable(ActionRecord.PathVariable) is { Length: > 0 } path ? path : null;
}

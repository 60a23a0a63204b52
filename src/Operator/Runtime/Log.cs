using Microsoft.Extensions.Logging;

namespace EcsOperator.Runtime;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Listed {Kind}: {Count} objects at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, string kind, int count, string resourceVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Kind} {Key} at resourceVersion {ResourceVersion}: it cannot be read ({Reason}); the other objects go on reconciling, and this one once it is fixed")]
    public static partial void UndecodableSkipped(ILogger logger, string kind, string key, string? resourceVersion, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch of {Kind} expired at resourceVersion {ResourceVersion} (410 Gone); relisting")]
    public static partial void WatchExpired(ILogger logger, string kind, string? resourceVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watch of {Kind} failed; reconnecting in {DelayMs} ms")]
    public static partial void WatchFailed(ILogger logger, Exception exception, string kind, double delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Controller {Controller} starting {Workers} workers")]
    public static partial void WorkersStarting(ILogger logger, string controller, int workers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Controller {Controller} workers stopped")]
    public static partial void WorkersStopped(ILogger logger, string controller);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Controller {Controller} failed to reconcile {Key} (attempt {Attempt}); retrying with backoff")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception, string controller, string key, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Controller {Controller} stopped retrying {Key}: {Reason}; waiting for the object to change")]
    public static partial void TerminalError(ILogger logger, Exception exception, string controller, string key, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leader election: {Identity} started leading lease {Namespace}/{Lease}")]
    public static partial void StartedLeading(ILogger logger, string identity, string @namespace, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leader election: {Identity} stopped leading lease {Namespace}/{Lease}")]
    public static partial void StoppedLeading(ILogger logger, string identity, string @namespace, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leader election: new leader of {Namespace}/{Lease} is {Leader}")]
    public static partial void NewLeader(ILogger logger, string @namespace, string lease, string leader);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leader election error on {Namespace}/{Lease}")]
    public static partial void LeaderElectionError(ILogger logger, Exception exception, string @namespace, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released lease {Namespace}/{Lease}")]
    public static partial void LeaseReleased(ILogger logger, string @namespace, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release lease {Namespace}/{Lease}")]
    public static partial void LeaseReleaseFailed(ILogger logger, Exception exception, string @namespace, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown deadline passed with reconciles of {Controller} still running; cancelling them")]
    public static partial void DrainTimedOut(ILogger logger, string controller);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record event {Reason} on {Key}")]
    public static partial void EventFailed(ILogger logger, Exception exception, string reason, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped event {Reason} on {Key}: {Queued} events are already waiting for the API server")]
    public static partial void EventDropped(ILogger logger, string reason, string key, int queued);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {What} on {Address}")]
    public static partial void Serving(ILogger logger, string what, Uri address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resync sweep of {Controller} failed; the next period tries again")]
    public static partial void ResyncFailed(ILogger logger, Exception exception, string controller);

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics scrape by {User} denied: {Reason}")]
    public static partial void MetricsAccessDenied(ILogger logger, string user, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics scrape not authorized: the TokenReview or SubjectAccessReview failed")]
    public static partial void MetricsAccessFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.Logging;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// The controllers' log lines. The runtime's per-reconcile scope adds kind, namespace/name and generation, so none of
/// these repeat them. AWS mutations are Information; decisions are Debug.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "AWS {Action}: {Note}")]
    public static partial void Mutated(ILogger logger, string action, string note);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Not found in AWS: creating")]
    public static partial void Creating(ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Adopting {Resource}")]
    public static partial void Adopting(ILogger logger, string resource);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Updating fields {Fields}")]
    public static partial void Updating(ILogger logger, string fields);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Deleting {Resource}")]
    public static partial void Deleting(ILogger logger, string resource);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Nothing of ours left in AWS: releasing the finalizer")]
    public static partial void NothingToDelete(ILogger logger);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Debug, Message = "deletionPolicy Retain: leaving the AWS side in place")]
    public static partial void Retained(ILogger logger);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Debug, Message = "Waiting ({Reason}): {Message}")]
    public static partial void Waiting(ILogger logger, string reason, string message);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Stalled ({Reason}): {Message}")]
    public static partial void Stalled(ILogger logger, string reason, string message);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "AWS error, retrying with backoff ({Reason}): {ErrorCode}")]
    public static partial void AwsRetry(ILogger logger, string reason, string? errorCode);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "Resync sweep: read {Found} AWS resources for {Objects} objects in {Calls} batch calls")]
    public static partial void SweepRead(ILogger logger, int found, int objects, int calls);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Resync sweep: the batch read of {Count} names in {Group} failed ({Error}: {Message}); their reconciles read AWS themselves")]
    public static partial void SweepReadFailed(ILogger logger, string group, int count, string error, string message);
}

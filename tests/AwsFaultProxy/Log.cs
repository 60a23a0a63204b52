using Microsoft.Extensions.Logging;

namespace AwsFaultProxy;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Injecting {Fault} into {Service}/{Operation}")]
    public static partial void FaultInjected(ILogger logger, FaultKind fault, string service, string operation);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Forwarding {Service}/{Operation} to {Upstream} failed ({Reason}); answering 502")]
    public static partial void ForwardFailed(ILogger logger, string service, string operation, Uri upstream, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Rules replaced over HTTP: {Count} rule(s)")]
    public static partial void RulesReplaced(ILogger logger, int count);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Fault proxy listening on {Endpoint}, forwarding to {Upstream}, seed {Seed}")]
    public static partial void Listening(ILogger logger, Uri endpoint, Uri upstream, int seed);
}
